#include "core/crypto/secretkey.h"

#include <QTest>

#include <type_traits>

using namespace outreach::core::crypto;

// Key material must never be copied by accident.
static_assert(!std::is_copy_constructible_v<SecretKey>);
static_assert(!std::is_copy_assignable_v<SecretKey>);
static_assert(std::is_nothrow_move_constructible_v<SecretKey>);
static_assert(std::is_nothrow_move_assignable_v<SecretKey>);

namespace {

QByteArray bytesOf(const SecretKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(key.size()));
}

} // namespace

class TestSecretKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(ensureSodium()); }

    void ensureSodiumCanBeCalledRepeatedly()
    {
        QVERIFY(ensureSodium());
        QVERIFY(ensureSodium());
    }

    void defaultConstructedKeyIsNull()
    {
        const SecretKey key;
        QVERIFY(key.isNull());
        QCOMPARE(key.data(), nullptr);
        QCOMPARE(key.size(), std::size_t(0));
    }

    void generateMakesADataKeySizedKey()
    {
        const SecretKey key = SecretKey::generate();
        QVERIFY(!key.isNull());
        QVERIFY(key.data() != nullptr);
        QCOMPARE(key.size(), SecretKey::DataKeyBytes);
        QCOMPARE(key.size(), std::size_t(32));
    }

    void generatedKeysAreRandom()
    {
        const QByteArray first = bytesOf(SecretKey::generate());
        const QByteArray second = bytesOf(SecretKey::generate());
        QCOMPARE(first.size(), 32);
        QVERIFY(first != second);
        QVERIFY(first != QByteArray(32, '\0'));
    }

    void fromBytesCopiesSoTheCallerCanWipe()
    {
        QByteArray source = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        const QByteArray expected = QByteArray(source.constData(), source.size()); // a deep copy
        const SecretKey key = SecretKey::fromBytes(source);
        source.fill('\0');
        QCOMPARE(key.size(), std::size_t(32));
        QCOMPARE(bytesOf(key), expected);
        QVERIFY(key.data() != reinterpret_cast<const unsigned char *>(source.constData()));
    }

    void fromBytesKeepsAnyLength()
    {
        const SecretKey key = SecretKey::fromBytes(QByteArrayLiteral("seven b"));
        QCOMPARE(key.size(), std::size_t(7));
        QCOMPARE(bytesOf(key), QByteArrayLiteral("seven b"));
    }

    void fromEmptyBytesIsNull()
    {
        QVERIFY(SecretKey::fromBytes(QByteArray()).isNull());
        QVERIFY(SecretKey::fromBytes(QByteArrayLiteral("")).isNull());
    }

    void filledWritesIntoTheKey()
    {
        const SecretKey key = SecretKey::filled(4, [](unsigned char *out, std::size_t size) {
            for (std::size_t i = 0; i < size; ++i)
                out[i] = static_cast<unsigned char>(0xA0 + i);
            return true;
        });
        QCOMPARE(bytesOf(key), QByteArray::fromHex("a0a1a2a3"));
    }

    void filledGivesNullKeyWhenFillFails()
    {
        bool called = false;
        const SecretKey key = SecretKey::filled(32, [&called](unsigned char *, std::size_t) {
            called = true;
            return false;
        });
        QVERIFY(called);
        QVERIFY(key.isNull());
        QCOMPARE(key.size(), std::size_t(0));
    }

    void filledOfZeroBytesIsNullWithoutCallingFill()
    {
        bool called = false;
        const SecretKey key = SecretKey::filled(0, [&called](unsigned char *, std::size_t) {
            called = true;
            return true;
        });
        QVERIFY(!called);
        QVERIFY(key.isNull());
    }

    void moveConstructionTransfersOwnership()
    {
        SecretKey source = SecretKey::generate();
        const QByteArray expected = bytesOf(source);
        const unsigned char *memory = source.data();

        const SecretKey target(std::move(source));
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move): the moved-from state is specified
        QCOMPARE(source.size(), std::size_t(0));
        QCOMPARE(target.data(), memory); // moved, not copied
        QCOMPARE(bytesOf(target), expected);
    }

    void moveAssignmentReplacesTheOldKey()
    {
        SecretKey target = SecretKey::fromBytes(QByteArrayLiteral("old key bytes"));
        SecretKey source = SecretKey::generate();
        const QByteArray expected = bytesOf(source);

        target = std::move(source);
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(target.size(), std::size_t(32));
        QCOMPARE(bytesOf(target), expected);
    }

    void moveAssignmentToItselfKeepsTheKey()
    {
        SecretKey key = SecretKey::generate();
        const QByteArray expected = bytesOf(key);
        SecretKey &alias = key;
        key = std::move(alias);
        QCOMPARE(bytesOf(key), expected);
    }

    void cloneIsAnIndependentCopy()
    {
        SecretKey original = SecretKey::generate();
        const QByteArray expected = bytesOf(original);

        const SecretKey copy = original.clone();
        QVERIFY(copy.data() != original.data());
        QCOMPARE(bytesOf(copy), expected);

        original.clear();
        QVERIFY(original.isNull());
        QCOMPARE(bytesOf(copy), expected);
    }

    void cloneOfNullIsNull() { QVERIFY(SecretKey().clone().isNull()); }

    void clearMakesTheKeyNullAndIsIdempotent()
    {
        SecretKey key = SecretKey::generate();
        key.clear();
        QVERIFY(key.isNull());
        QCOMPARE(key.data(), nullptr);
        QCOMPARE(key.size(), std::size_t(0));
        key.clear();
        QVERIFY(key.isNull());
    }
};

QTEST_GUILESS_MAIN(TestSecretKey)
#include "tst_secretkey.moc"
