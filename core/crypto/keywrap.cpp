#include "keywrap.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <sodium.h>

#include <algorithm>
#include <limits>

namespace outreach::core::crypto {

namespace {

constexpr int FormatVersion = 1;
constexpr int MinPasscodeLength = 6;
constexpr std::size_t ChecksumBytes = 16;
// Binds the ciphertext to its purpose: a wrapped data key cannot be passed off as any other sealed value.
constexpr char WrapAad[] = "outreach-data-key-v1";

// Names written into the JSON so that a future format can be told apart from this one.
constexpr auto KdfName = QLatin1String("argon2id13");
constexpr auto CipherName = QLatin1String("xchacha20poly1305-ietf");

constexpr std::size_t WrappedKeyBytes = SecretKey::DataKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES;

// What unwrap() will accept: anything up to libsodium's "sensitive" cost. The upper bounds keep a hostile or
// damaged blob from making us try to allocate gigabytes or hash for hours.
constexpr quint64 MinOps = crypto_pwhash_argon2id_OPSLIMIT_MIN;
constexpr quint64 MaxOps = crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE;
constexpr quint64 MinMem = crypto_pwhash_argon2id_MEMLIMIT_MIN;
constexpr quint64 MaxMem = crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE;

struct Cost
{
    quint64 ops;
    quint64 mem;
};

Cost costOf(KeyWrap::Strength strength)
{
    switch (strength) {
    case KeyWrap::Strength::Interactive:
        return { crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE };
    case KeyWrap::Strength::Moderate:
        return { crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE };
    case KeyWrap::Strength::TestOnly:
        return { crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN };
    }
    return { crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE };
}

Error corruptKey(const QString &why)
{
    return Error { QString(), QStringLiteral("The stored data key is damaged or unreadable (%1).").arg(why),
                   QStringLiteral("corrupt_key") };
}

Error wrongPasscode()
{
    return Error { QStringLiteral("passcode"), QStringLiteral("The passcode is not correct."),
                   QStringLiteral("wrong_passcode") };
}

Error cryptoUnavailable()
{
    return Error { QString(), QStringLiteral("The encryption library could not be started on this device."),
                   QStringLiteral("crypto_unavailable") };
}

Error derivationFailed()
{
    return Error { QString(),
                   QStringLiteral("There is not enough memory to check the passcode. Close other apps "
                                  "and try again."),
                   QStringLiteral("key_derivation_failed") };
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

QByteArray randomBytes(std::size_t size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    randombytes_buf(out.data(), size);
    return out;
}

void wipe(QByteArray &array)
{
    sodium_memzero(array.data(), std::size_t(array.size()));
}

// Sizes, version and cost of a blob, checked before any work is done on it.
Status validate(const WrappedKey &w)
{
    if (w.version != FormatVersion) {
        return corruptKey(w.version > FormatVersion ? QStringLiteral("it was written by a newer version of Outreach")
                                                    : QStringLiteral("unknown format version %1").arg(w.version));
    }
    if (std::size_t(w.salt.size()) != crypto_pwhash_argon2id_SALTBYTES)
        return corruptKey(QStringLiteral("the salt has the wrong length"));
    if (std::size_t(w.nonce.size()) != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        return corruptKey(QStringLiteral("the nonce has the wrong length"));
    if (std::size_t(w.ciphertext.size()) != WrappedKeyBytes)
        return corruptKey(QStringLiteral("the wrapped key has the wrong length"));
    if (w.opsLimit < MinOps || w.opsLimit > MaxOps || w.memLimit < MinMem || w.memLimit > MaxMem)
        return corruptKey(QStringLiteral("the key derivation cost is out of range"));
    return {};
}

// Argon2id(passcode, salt) into secure memory. The derived key lives in a SecretKey, so sodium_free zeroes it
// as soon as the caller's scope ends. Null if Argon2id could not get its memory.
SecretKey deriveKey(const QString &passcode, const WrappedKey &w)
{
    // NFC: the same passcode typed on two keyboards (é as one code point or as e + accent) must give the same key.
    // Only our own UTF-8 copy is wiped; the QString is the caller's (and often shared with the UI's text field).
    QByteArray utf8 = passcode.normalized(QString::NormalizationForm_C).toUtf8();
    SecretKey key = SecretKey::filled(SecretKey::DataKeyBytes, [&](unsigned char *out, std::size_t size) {
        return crypto_pwhash(out, size, utf8.constData(), std::size_t(utf8.size()), bytes(w.salt), w.opsLimit,
                             std::size_t(w.memLimit), crypto_pwhash_ALG_ARGON2ID13)
            == 0;
    });
    wipe(utf8);
    return key;
}

Result<WrappedKey> wrapWithCost(const SecretKey &dataKey, const QString &passcode, Cost cost)
{
    if (!ensureSodium())
        return cryptoUnavailable();
    if (dataKey.isNull() || dataKey.size() != SecretKey::DataKeyBytes) {
        return Error { QString(), QStringLiteral("There is no valid data key to protect."), QStringLiteral("no_key") };
    }
    if (Status policy = KeyWrap::checkPasscode(passcode); !policy.ok())
        return policy.errors();

    WrappedKey w;
    w.salt = randomBytes(crypto_pwhash_argon2id_SALTBYTES);
    w.nonce = randomBytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    w.opsLimit = cost.ops;
    w.memLimit = cost.mem;
    const SecretKey wrappingKey = deriveKey(passcode, w);
    if (wrappingKey.isNull())
        return derivationFailed();

    w.ciphertext = QByteArray(qsizetype(WrappedKeyBytes), Qt::Uninitialized);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(w.ciphertext.data()), &length,
                                               dataKey.data(), dataKey.size(),
                                               reinterpret_cast<const unsigned char *>(WrapAad), sizeof WrapAad - 1,
                                               nullptr, bytes(w.nonce), wrappingKey.data());
    Q_ASSERT(length == WrappedKeyBytes);
    return w;
}

// An unkeyed BLAKE2b over every field, length-prefixed so that no two blobs hash alike by shifting bytes
// between fields. It detects accidental damage; tampering is the AEAD tag's job.
QByteArray checksumOf(const WrappedKey &w)
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, ChecksumBytes);
    const auto addNumber = [&state](quint64 value) {
        unsigned char le[8];
        for (int i = 0; i < 8; ++i)
            le[i] = static_cast<unsigned char>(value >> (8 * i));
        crypto_generichash_update(&state, le, sizeof le);
    };
    const auto addBytes = [&](const QByteArray &field) {
        addNumber(quint64(field.size()));
        crypto_generichash_update(&state, bytes(field), std::size_t(field.size()));
    };
    addNumber(quint64(w.version));
    addNumber(w.opsLimit);
    addNumber(w.memLimit);
    addBytes(w.salt);
    addBytes(w.nonce);
    addBytes(w.ciphertext);
    QByteArray out(qsizetype(ChecksumBytes), Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()), ChecksumBytes);
    return out;
}

bool readBase64(const QJsonObject &object, QLatin1String name, QByteArray *out)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return false;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = std::move(*decoded);
    return true;
}

bool readUnsigned(const QJsonObject &object, QLatin1String name, quint64 *out)
{
    // JSON numbers are doubles; toInteger() refuses fractions and anything a double cannot hold exactly.
    const qint64 value = object.value(name).toInteger(-1);
    if (value < 0)
        return false;
    *out = quint64(value);
    return true;
}

// Case-folded code points: "ABCDEF" is as weak as "abcdef", and an emoji counts as one character.
bool isSimpleRun(const QList<uint> &codePoints)
{
    const auto isDigit = [](uint c) { return c >= '0' && c <= '9'; };
    // +1 or -1 for a step up or down, 0 otherwise. Digits wrap around (…7890…, …1098…), as on a keypad.
    const auto step = [&](uint from, uint to) {
        qint64 delta = qint64(to) - qint64(from);
        if (isDigit(from) && isDigit(to) && (delta == 9 || delta == -9))
            delta = delta > 0 ? -1 : 1;
        return delta == 1 || delta == -1 ? int(delta) : 0;
    };
    const int direction = step(codePoints.at(0), codePoints.at(1));
    if (direction == 0)
        return false;
    for (qsizetype i = 2; i < codePoints.size(); ++i) {
        if (step(codePoints.at(i - 1), codePoints.at(i)) != direction)
            return false;
    }
    return true;
}

} // namespace

QByteArray WrappedKey::toJson() const
{
    const auto base64 = [](const QByteArray &b) { return QString::fromLatin1(b.toBase64()); };
    const QJsonObject object {
        { QStringLiteral("version"), version },
        { QStringLiteral("kdf"), KdfName },
        { QStringLiteral("opsLimit"), qint64(opsLimit) },
        { QStringLiteral("memLimit"), qint64(memLimit) },
        { QStringLiteral("salt"), base64(salt) },
        { QStringLiteral("cipher"), CipherName },
        { QStringLiteral("nonce"), base64(nonce) },
        { QStringLiteral("ciphertext"), base64(ciphertext) },
        { QStringLiteral("checksum"), base64(checksumOf(*this)) },
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<WrappedKey> WrappedKey::fromJson(const QByteArray &json)
{
    if (!ensureSodium())
        return cryptoUnavailable();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return corruptKey(QStringLiteral("not valid JSON"));
    const QJsonObject object = document.object();

    WrappedKey w;
    // The version first: a newer format may not have the fields below.
    const qint64 version = object.value(QLatin1String("version")).toInteger(-1);
    if (version < 0 || version > std::numeric_limits<int>::max())
        return corruptKey(QStringLiteral("the format version is missing or malformed"));
    w.version = int(version);
    if (w.version != FormatVersion)
        return validate(w).errors();

    if (object.value(QLatin1String("kdf")).toString() != KdfName
        || object.value(QLatin1String("cipher")).toString() != CipherName) {
        return corruptKey(QStringLiteral("unsupported algorithm"));
    }
    QByteArray checksum;
    if (!readUnsigned(object, QLatin1String("opsLimit"), &w.opsLimit)
        || !readUnsigned(object, QLatin1String("memLimit"), &w.memLimit)
        || !readBase64(object, QLatin1String("salt"), &w.salt) || !readBase64(object, QLatin1String("nonce"), &w.nonce)
        || !readBase64(object, QLatin1String("ciphertext"), &w.ciphertext)
        || !readBase64(object, QLatin1String("checksum"), &checksum)) {
        return corruptKey(QStringLiteral("a field is missing or malformed"));
    }
    const QByteArray expected = checksumOf(w);
    if (checksum.size() != expected.size()
        || sodium_memcmp(checksum.constData(), expected.constData(), std::size_t(expected.size())) != 0) {
        return corruptKey(QStringLiteral("the checksum does not match"));
    }
    if (Status valid = validate(w); !valid.ok())
        return valid.errors();
    return w;
}

Result<WrappedKey> KeyWrap::wrap(const SecretKey &dataKey, const QString &passcode, Strength strength)
{
    return wrapWithCost(dataKey, passcode, costOf(strength));
}

Result<SecretKey> KeyWrap::unwrap(const WrappedKey &wrapped, const QString &passcode)
{
    if (!ensureSodium())
        return cryptoUnavailable();
    if (Status valid = validate(wrapped); !valid.ok())
        return valid.errors();
    const SecretKey wrappingKey = deriveKey(passcode, wrapped);
    if (wrappingKey.isNull())
        return derivationFailed();

    // Decrypt straight into secure memory. `attempted` tells a failed authentication (wrong passcode) apart from
    // not getting secure memory at all, when the decryption never runs.
    bool attempted = false;
    SecretKey dataKey = SecretKey::filled(SecretKey::DataKeyBytes, [&](unsigned char *out, std::size_t size) {
        attempted = true;
        unsigned long long length = 0;
        return crypto_aead_xchacha20poly1305_ietf_decrypt(out, &length, nullptr, bytes(wrapped.ciphertext),
                                                          std::size_t(wrapped.ciphertext.size()),
                                                          reinterpret_cast<const unsigned char *>(WrapAad),
                                                          sizeof WrapAad - 1, bytes(wrapped.nonce), wrappingKey.data())
            == 0
            && length == size;
    });
    if (!attempted)
        return derivationFailed();
    if (dataKey.isNull())
        return wrongPasscode();
    return dataKey;
}

Result<WrappedKey> KeyWrap::rewrap(const WrappedKey &wrapped, const QString &oldPasscode, const QString &newPasscode)
{
    // Policy first: it is instant, and the old passcode costs a full key derivation to check.
    if (Status policy = checkPasscode(newPasscode); !policy.ok()) {
        Errors errors = policy.errors();
        for (Error &e : errors)
            e.field = QStringLiteral("newPasscode");
        return errors;
    }
    Result<SecretKey> dataKey = unwrap(wrapped, oldPasscode);
    if (!dataKey.ok()) {
        Errors errors = dataKey.errors();
        for (Error &e : errors) {
            if (e.code == QLatin1String("wrong_passcode"))
                e.field = QStringLiteral("oldPasscode");
        }
        return errors;
    }
    return wrapWithCost(dataKey.value(), newPasscode, Cost { wrapped.opsLimit, wrapped.memLimit });
}

Status KeyWrap::checkPasscode(const QString &passcode)
{
    const QString field = QStringLiteral("passcode");
    const QList<uint> codePoints = passcode.toCaseFolded().toUcs4();
    if (codePoints.size() < MinPasscodeLength) {
        return Error { field, QStringLiteral("The passcode must have at least %1 characters.").arg(MinPasscodeLength),
                       QStringLiteral("too_short") };
    }
    if (std::all_of(codePoints.cbegin(), codePoints.cend(), [&](uint c) { return c == codePoints.first(); })) {
        return Error { field, QStringLiteral("The passcode cannot be one character repeated."),
                       QStringLiteral("repeated") };
    }
    if (isSimpleRun(codePoints)) {
        return Error { field, QStringLiteral("The passcode cannot be a simple sequence such as 123456 or abcdef."),
                       QStringLiteral("sequence") };
    }
    return {};
}

} // namespace outreach::core::crypto
