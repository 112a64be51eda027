// The data key is never stored in clear: it is stored wrapped (encrypted) under a key derived from the worker's
// passcode with Argon2id. Changing the passcode rewraps the same data key, so no field has to be re-encrypted.
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace outreach::core::crypto {

// A data key as stored on the device: Argon2id parameters and salt, then XChaCha20-Poly1305 nonce and ciphertext.
struct WrappedKey
{
    QByteArray salt; // crypto_pwhash_SALTBYTES (16)
    QByteArray nonce; // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES (24)
    QByteArray ciphertext; // the 32-byte data key + 16-byte tag
    quint64 opsLimit = 0;
    quint64 memLimit = 0; // bytes
    int version = 1;

    bool operator==(const WrappedKey &) const = default;

    // Compact JSON, binary fields in base64, plus a checksum so that a damaged file is reported as damaged
    // rather than as a wrong passcode (the AEAD tag alone cannot tell the two apart).
    QByteArray toJson() const;
    // Any malformed, damaged or unsupported input gives an Error with code "corrupt_key".
    static Result<WrappedKey> fromJson(const QByteArray &json);
};

class KeyWrap
{
public:
    // Argon2id cost. Interactive suits unlocking a tablet (~64 MiB, well under a second); Moderate (~256 MiB)
    // for desktops; TestOnly is the library minimum and must never protect real data.
    enum class Strength { Interactive, Moderate, TestOnly };

    // Wraps `dataKey` under `passcode`, with a fresh salt and nonce. Refuses a passcode that checkPasscode
    // refuses (field "passcode"), and a null or wrong-sized key (code "no_key").
    static Result<WrappedKey> wrap(const SecretKey &dataKey, const QString &passcode,
                                   Strength strength = Strength::Interactive);

    // A wrong passcode gives {"passcode", "The passcode is not correct.", "wrong_passcode"}; a malformed or
    // unsupported blob gives code "corrupt_key" without running the (costly) key derivation.
    // Note: a blob altered with valid sizes and limits is indistinguishable from a wrong passcode here; the
    // checksum in toJson()/fromJson() is what catches damage on disk.
    static Result<SecretKey> unwrap(const WrappedKey &wrapped, const QString &passcode);

    // Passcode change: same data key, new salt and nonce, same Argon2id cost as `wrapped`.
    // Errors name the field they are about: "oldPasscode" (wrong_passcode) or "newPasscode" (policy).
    static Result<WrappedKey> rewrap(const WrappedKey &wrapped, const QString &oldPasscode, const QString &newPasscode);

    // The passcode policy for a new passcode: at least 6 characters, not one character repeated, not a
    // simple run such as 123456, 654321 or abcdef. Errors have field "passcode" and codes
    // "too_short", "repeated" or "sequence".
    static Status checkPasscode(const QString &passcode);
};

} // namespace outreach::core::crypto
