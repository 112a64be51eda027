#include "fieldcipher.h"

#include <sodium.h>

#include <QtGlobal>

#include <cstring>
#include <optional>

namespace outreach::core::crypto {

namespace {

// Version tag of the stored format; a future format gets "e2:" and both can be read side by side.
constexpr char Prefix[] = "e1:";
constexpr qsizetype PrefixLength = sizeof Prefix - 1;
constexpr qsizetype NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr qsizetype PadBlock = 16;
// Padding always adds at least one byte, so even an empty value has a whole block of ciphertext.
constexpr qsizetype MinPayloadBytes = NonceBytes + PadBlock + TagBytes;

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

void wipe(QByteArray &array)
{
    if (!array.isEmpty())
        sodium_memzero(array.data(), std::size_t(array.size()));
}

// The unit separator keeps ("ab", "c") and ("a", "bc") apart; row ids are UUIDs and columns identifiers, so
// neither contains it.
QByteArray associatedData(const QString &rowId, const QString &column)
{
    QByteArray aad = rowId.toUtf8();
    aad.append('\x1f');
    aad.append(column.toUtf8());
    return aad;
}

Error decryptFailed(const QString &column)
{
    return Error { column,
                   QStringLiteral("The stored value of “%1” could not be decrypted: it was damaged or altered, moved "
                                  "from another record or field, or written with another key.")
                       .arg(column),
                   QStringLiteral("decrypt_failed") };
}

Error notEncrypted(const QString &column)
{
    return Error { column, QStringLiteral("The stored value of “%1” is not encrypted.").arg(column),
                   QStringLiteral("not_encrypted") };
}

std::optional<QByteArray> decodePayload(QStringView base64)
{
    auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(),
                                                  QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::move(*decoded);
}

} // namespace

FieldCipher::FieldCipher(const SecretKey &key)
    : m_key(key.size() == SecretKey::DataKeyBytes ? key.clone() : SecretKey())
{
}

QByteArray FieldCipher::seal(const QByteArray &plaintext, const QString &rowId, const QString &column) const
{
    Q_ASSERT_X(!rowId.isEmpty() && !column.isEmpty(), "FieldCipher",
               "an empty row id or column would bind the value to nothing");
    if (!isValid())
        qFatal("FieldCipher: encrypting with an invalid cipher (null, wrong-sized or moved-from key)");

    QByteArray padded(plaintext.size() + PadBlock, Qt::Uninitialized);
    std::memcpy(padded.data(), plaintext.constData(), std::size_t(plaintext.size()));
    std::size_t paddedLength = 0;
    sodium_pad(&paddedLength, reinterpret_cast<unsigned char *>(padded.data()), std::size_t(plaintext.size()),
               std::size_t(PadBlock), std::size_t(padded.size()));

    const QByteArray aad = associatedData(rowId, column);
    QByteArray payload(NonceBytes + qsizetype(paddedLength) + TagBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(payload.data());
    randombytes_buf(nonce, std::size_t(NonceBytes)); // 192-bit random nonces: no counter to keep across devices
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + NonceBytes, &length, bytes(padded), paddedLength, bytes(aad),
                                               std::size_t(aad.size()), nullptr, nonce, m_key.data());
    wipe(padded);
    return payload;
}

Result<QByteArray> FieldCipher::open(const QByteArray &payload, const QString &rowId, const QString &column) const
{
    if (!isValid()) {
        return Error { column, QStringLiteral("The data key is not available; unlock the app first."),
                       QStringLiteral("no_key") };
    }
    if (payload.size() < MinPayloadBytes)
        return decryptFailed(column);

    const QByteArray aad = associatedData(rowId, column);
    QByteArray plaintext(payload.size() - NonceBytes - TagBytes, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plaintext.data()), &length, nullptr, bytes(payload) + NonceBytes,
            std::size_t(payload.size() - NonceBytes), bytes(aad), std::size_t(aad.size()), bytes(payload), m_key.data())
        != 0) {
        return decryptFailed(column);
    }
    std::size_t unpadded = 0;
    if (sodium_unpad(&unpadded, bytes(plaintext), std::size_t(length), std::size_t(PadBlock)) != 0) {
        // Authentic but badly padded: not something this code writes.
        wipe(plaintext);
        return decryptFailed(column);
    }
    // Build the result explicitly so an empty value comes back empty, not null.
    QByteArray result(plaintext.constData(), qsizetype(unpadded));
    wipe(plaintext);
    return result;
}

QByteArray FieldCipher::encryptBytes(const QByteArray &plaintext, const QString &rowId, const QString &column) const
{
    if (plaintext.isNull())
        return {};
    return QByteArray(Prefix, PrefixLength) + seal(plaintext, rowId, column);
}

Result<QByteArray> FieldCipher::decryptBytes(const QByteArray &stored, const QString &rowId,
                                             const QString &column) const
{
    if (stored.isNull())
        return QByteArray();
    if (!stored.startsWith(Prefix))
        return notEncrypted(column);
    return open(stored.sliced(PrefixLength), rowId, column);
}

QString FieldCipher::encrypt(const QString &plaintext, const QString &rowId, const QString &column) const
{
    if (plaintext.isNull())
        return {};
    QByteArray utf8 = plaintext.toUtf8();
    const QByteArray payload = seal(utf8, rowId, column);
    wipe(utf8);
    return QLatin1String(Prefix) + QString::fromLatin1(payload.toBase64());
}

Result<QString> FieldCipher::decrypt(const QString &stored, const QString &rowId, const QString &column) const
{
    if (stored.isNull())
        return QString();
    if (!stored.startsWith(QLatin1String(Prefix)))
        return notEncrypted(column);
    const std::optional<QByteArray> payload = decodePayload(QStringView(stored).sliced(PrefixLength));
    if (!payload)
        return decryptFailed(column);
    Result<QByteArray> plaintext = open(*payload, rowId, column);
    if (!plaintext.ok())
        return plaintext.errors();
    QString text = QString::fromUtf8(plaintext.value());
    wipe(plaintext.value());
    return text;
}

bool FieldCipher::looksEncrypted(const QString &stored)
{
    if (!stored.startsWith(QLatin1String(Prefix)))
        return false;
    const std::optional<QByteArray> payload = decodePayload(QStringView(stored).sliced(PrefixLength));
    return payload && payload->size() >= MinPayloadBytes && (payload->size() - NonceBytes - TagBytes) % PadBlock == 0;
}

} // namespace outreach::core::crypto
