#include "ids.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace outreach::core {

namespace {
// Namespace for catalogue UUIDv5s; fixed forever (changing it would re-key every catalogue row).
const QUuid kCatalogueNamespace(QStringLiteral("{5b0e6c1e-2f4a-4c8e-9d1a-0d7e7a1c2b3f}"));
}

QUuid newUuidV7()
{
    // RFC 9562 §5.7: 48-bit Unix ms, 4-bit version, 12 random bits, 2-bit variant, 62 random bits.
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch()) & 0xFFFFFFFFFFFFull;
    quint64 rand[2];
    QRandomGenerator::system()->fillRange(rand, 2);
    uchar bytes[16];
    for (int i = 0; i < 6; ++i)
        bytes[i] = uchar(ms >> (8 * (5 - i)));
    const quint64 a = rand[0];
    const quint64 b = rand[1];
    bytes[6] = uchar(0x70 | ((a >> 8) & 0x0F));
    bytes[7] = uchar(a & 0xFF);
    bytes[8] = uchar(0x80 | ((b >> 56) & 0x3F));
    for (int i = 9; i < 16; ++i)
        bytes[i] = uchar(b >> (8 * (15 - i)));
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16));
}

QString idText(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

QString newId()
{
    return idText(newUuidV7());
}

QString attendanceId(const QString &sessionId, const QString &participantId)
{
    return idText(QUuid::createUuidV5(QUuid(sessionId), participantId));
}

bool isValidId(const QString &text)
{
    return text.size() == 36 && !QUuid(text).isNull();
}

QString catalogueId(QStringView kind, QStringView code)
{
    return idText(QUuid::createUuidV5(kCatalogueNamespace, kind.toString() + QLatin1Char(':') + code.toString()));
}

} // namespace outreach::core
