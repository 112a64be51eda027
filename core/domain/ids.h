// Identifiers: every row id is a client-generated UUIDv7 (time-ordered, so inserts append to the B-tree);
// an attendance id is UUIDv5(session, participant) so two tablets marking the same person present write one row.
#pragma once

#include <QString>
#include <QUuid>

namespace outreach::core {

QUuid newUuidV7();
QString newId(); // newUuidV7() as lower-case text without braces — the form stored everywhere
QString attendanceId(const QString &sessionId, const QString &participantId);
QString idText(const QUuid &uuid);
bool isValidId(const QString &text);

// Stable ids for catalogue entries (programmes, measures, wards…), the same on every device and the server:
// UUIDv5 of "kind:code" in the Outreach catalogue namespace.
QString catalogueId(QStringView kind, QStringView code);

} // namespace outreach::core
