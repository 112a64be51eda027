// Field-by-field encryption of sensitive columns (names, dates of birth, contact details, notes, safeguarding
// details) with XChaCha20-Poly1305 under the data key. The row id and column name are the associated data, so a
// stored value only decrypts in the cell it was written to: copying it to another person's row, or from "notes"
// into "name", fails instead of silently showing the wrong person's data.
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace outreach::core::crypto {

class FieldCipher
{
public:
    // Keeps its own copy of the key in secure memory, so `key` may be cleared afterwards. A null key, or one
    // that is not SecretKey::DataKeyBytes long, gives an invalid cipher.
    explicit FieldCipher(const SecretKey &key);
    FieldCipher(FieldCipher &&) noexcept = default;
    FieldCipher &operator=(FieldCipher &&) noexcept = default;
    ~FieldCipher() = default;

    // False for a cipher made from an unusable key, and for a moved-from cipher.
    bool isValid() const { return !m_key.isNull(); }

    // Stored text: "e1:" + base64(24-byte random nonce || ciphertext || 16-byte tag). The plaintext is padded
    // to a multiple of 16 bytes first, so the stored length reveals a name's length only roughly.
    // Absent stays absent: a null plaintext gives a null QString (store SQL NULL), while an empty but non-null
    // string is encrypted like any other value, so "known to be empty" and "not recorded" stay distinct.
    // rowId and column must not be empty. Thread-safe (const, no shared state besides the key).
    // Encrypting with an invalid cipher is a programming error and aborts: the only alternatives would be to
    // store the value in clear or to lose it.
    QString encrypt(const QString &plaintext, const QString &rowId, const QString &column) const;

    // A null `stored` gives a null QString. Errors (field = column):
    //   "not_encrypted"  the value does not start with "e1:" (e.g. clear text written by an older build)
    //   "decrypt_failed" damaged, tampered with, moved to another row or column, or written under another key
    //   "no_key"         the cipher is not valid
    Result<QString> decrypt(const QString &stored, const QString &rowId, const QString &column) const;

    // The same for BLOB columns: "e1:" followed by the raw nonce || ciphertext || tag (no base64). Null in,
    // null out, as above.
    QByteArray encryptBytes(const QByteArray &plaintext, const QString &rowId, const QString &column) const;
    Result<QByteArray> decryptBytes(const QByteArray &stored, const QString &rowId, const QString &column) const;

    // True if `stored` has the shape of a value encrypt() writes (prefix, base64, plausible length). Says
    // nothing about whether it decrypts; meant for finding values still in clear.
    static bool looksEncrypted(const QString &stored);

private:
    QByteArray seal(const QByteArray &plaintext, const QString &rowId, const QString &column) const;
    Result<QByteArray> open(const QByteArray &payload, const QString &rowId, const QString &column) const;

    SecretKey m_key;
};

} // namespace outreach::core::crypto
