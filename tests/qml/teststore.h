// A store of its own for Qt Quick tests of pages that record things (QML: the TestStore singleton of module
// Outreach.Testing): unlocked with a random key, with the default catalogue and the people a test adds. Kept apart
// from the app's context, whose lock state the first-run and unlock tests drive.
#pragma once

#include "app/appcontext.h"

#include <QObject>
#include <QString>

#include <memory>

class TestStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(outreach::app::AppContext *context READ context CONSTANT)

public:
    explicit TestStore(QObject *parent = nullptr);
    ~TestStore() override;

    outreach::app::AppContext *context() const { return m_context.get(); }

    // A fresh empty store (the catalogue only); the context signals storeChanged.
    Q_INVOKABLE void reset();
    // Registers someone enrolled in the programme (by catalogue code) since 1 January 2019; returns their id.
    Q_INVOKABLE QString addPerson(const QString &programmeCode, const QString &knownAs);
    // Live rows of a table.
    Q_INVOKABLE int count(const QString &table) const;
    Q_INVOKABLE QString programmeId(const QString &code) const;
    Q_INVOKABLE QString venueId(const QString &code) const;
    // People pages: someone registered in the programme (by catalogue code) with a reference code of their own,
    // without telling the context (call notifyRecordsChanged() on it, or add them before the page loads).
    Q_INVOKABLE QString addPersonWithCode(const QString &programmeCode, const QString &knownAs, const QString &code);
    // Records a detached gangs-work session on `date` (yyyy-MM-dd) attended by `participantIds`, with one
    // headcount cell of age band 16–17 and `gender`; returns the session id.
    Q_INVOKABLE QString addDetachedSession(const QString &date, const QStringList &participantIds,
                                           const QString &gender);
    // Profile views logged for someone (profile_view has no deleted column, so count() cannot read it).
    Q_INVOKABLE int profileViews(const QString &participantId) const;
    // A consent for `participantId` in the programme, given `givenDaysAgo` days ago and expiring in
    // `expiresInDays` days (negative: already expired). Returns its id.
    Q_INVOKABLE QString addConsent(const QString &participantId, const QString &programmeCode, int givenDaysAgo,
                                   int expiresInDays);
    // Saves a delivered session of the programme (by catalogue code) `daysAgo` days ago at 00:30 local time
    // (sessions cannot start in the future), with `present` on the register and the notes given, then announces it
    // (recordsChanged) as a form would. A detached session at Rayners Lane Estate for gangs work; a course module
    // session at the Beacon Centre for Street Doctors; otherwise the programme's first session type at the Beacon
    // Centre; in cohort `cohortId` when one is given. Returns the session id, empty (with a warning) when it was
    // refused.
    Q_INVOKABLE QString addSession(const QString &programmeCode, const QStringList &present, int daysAgo,
                                   const QString &notes = QString(), const QString &cohortId = QString());

    // Saves a cohort of the programme (by catalogue code) and announces it (recordsChanged); returns its id, empty
    // (with a warning) when it was refused.
    Q_INVOKABLE QString addCohort(const QString &programmeCode, const QString &name);
    // The name of a live cohort, empty when there is none with that id (or it was deleted).
    Q_INVOKABLE QString cohortName(const QString &cohortId) const;

    // As if the server had refused them: every unsent change of `entity` becomes 'rejected' with `code` and
    // `message`, and the context announces it (recordsChanged). Returns how many.
    Q_INVOKABLE int rejectChanges(const QString &entity, const QString &code, const QString &message);
    // Works with the server at `address` as `userName` (not signed in): the context creates its sync client.
    Q_INVOKABLE void useServer(const QString &address, const QString &userName);
    // Outbox rows in `state` ('pending', 'rejected'…).
    Q_INVOKABLE int outboxCount(const QString &state) const;

private:
    // Registers and enrols someone (without telling the context); empty with a warning when refused.
    QString registerPerson(const QString &programmeCode, const QString &knownAs, const QString &code,
                           const QString &gender, const QString &ageBand);

    std::unique_ptr<outreach::app::AppContext> m_context;
    int m_nextCode = 1;
};
