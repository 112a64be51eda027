#include "quickadd.h"

#include "formtext.h"

#include "core/domain/validation.h"
#include "core/domain/vocabulary.h"
#include "core/store/database.h"

#include <QCoreApplication>

namespace outreach::app::quickadd {

namespace {

QString text(const QVariantMap &form, const char *key)
{
    return form.value(QLatin1String(key)).toString().trimmed();
}

QStringList list(const QVariantMap &form, const char *key)
{
    return formtext::listValue(form.value(QLatin1String(key)));
}

QString orDefault(const QString &value, const char *fallback)
{
    return value.isEmpty() ? QString::fromLatin1(fallback) : value;
}

} // namespace

Built build(const QVariantMap &form, const core::Programme &programme, const QDate &on, const QString &cohortId)
{
    Built b;
    core::Participant &p = b.participant;
    p.programmeId = programme.id;
    p.knownAs = text(form, "knownAs");
    p.code = text(form, "code").toUpper();
    p.gender = orDefault(text(form, "gender"), "not_recorded");
    p.ethnicity = orDefault(text(form, "ethnicity"), "not_recorded");
    p.wardId = text(form, "wardId");
    p.ageBand = orDefault(text(form, "ageBand"), "not_recorded");
    p.eligibility = list(form, "eligibility");
    // The full registration form (PersonFormController) gives these too; quick-add leaves them out.
    p.fullName = text(form, "fullName");
    p.school = text(form, "school");
    p.contact = text(form, "contact");
    p.referralSource = text(form, "referralSource");
    p.notes = form.value(QStringLiteral("notes")).toString().trimmed();
    const QString dob = text(form, "dateOfBirth");
    if (!dob.isEmpty()) {
        if (const auto date = formtext::parseDate(dob)) {
            p.dateOfBirth = *date;
            // The band is what reports read; with a date of birth it follows from it.
            p.ageBand = core::Vocabulary::ageBandFor(*date, on.isValid() ? on : QDate::currentDate());
        } else {
            b.errors.insert(
                QStringLiteral("dateOfBirth"),
                QCoreApplication::translate("QuickAdd", "Enter the date of birth as day/month/year, e.g. 17/05/2006."));
        }
    }

    core::Enrolment &e = b.enrolment;
    e.programmeId = programme.id;
    e.cohortId = cohortId;
    e.enrolledOn = on;
    e.eligibility = p.eligibility;

    core::Consent &c = b.consent;
    c.programmeId = programme.id;
    c.givenBy = text(form, "consentGivenBy");
    c.givenByName = text(form, "consentGivenByName");
    c.givenOn = on;
    c.purposes = list(form, "consentPurposes");
    c.sharedWith = list(form, "consentSharedWith");
    if (c.givenBy.isEmpty())
        b.errors.insert(
            QStringLiteral("consentGivenBy"),
            QCoreApplication::translate("QuickAdd", "Say who gave consent: the young person, or a parent or carer."));
    return b;
}

QString formKey(const QString &repositoryField)
{
    if (repositoryField == QLatin1String("enrolment.eligibility"))
        return QStringLiteral("eligibility");
    if (repositoryField.startsWith(QLatin1String("enrolment.")))
        return QStringLiteral("form");
    if (repositoryField.startsWith(QLatin1String("consent."))) {
        QString rest = repositoryField.mid(8);
        if (rest == QLatin1String("participantId") || rest == QLatin1String("givenOn"))
            return QStringLiteral("form");
        rest[0] = rest.at(0).toUpper();
        return QStringLiteral("consent") + rest;
    }
    if (repositoryField.isEmpty() || repositoryField == QLatin1String("programmeId"))
        return QStringLiteral("form");
    return repositoryField;
}

void addErrors(QVariantMap &map, const core::Errors &errors)
{
    for (const core::Error &e : errors) {
        const QString key = formKey(e.field);
        const QString before = map.value(key).toString();
        map.insert(key, before.isEmpty() ? e.message : before + QLatin1Char(' ') + e.message);
    }
}

QVariantMap registerPerson(core::store::Database &db, const core::Programme &programme, const QVariantMap &form,
                           const QDate &on, const QString &cohortId, const QString &suggestedCode,
                           core::store::RegisterEntry *added)
{
    Built b = build(form, programme, on, cohortId);
    if (b.participant.code.isEmpty())
        b.participant.code = suggestedCode;
    core::store::ParticipantRepository people(db);
    QVariantMap errors = b.errors;
    if (auto inUse = people.codeInUse(b.participant.code); inUse && inUse.value())
        errors.insert(
            QStringLiteral("code"),
            QCoreApplication::translate("QuickAdd", "%1 is already someone's code on this device: choose another.")
                .arg(b.participant.code));
    if (!errors.isEmpty()) {
        // Say everything at once: what the repository would refuse too (it checks before writing anything).
        core::Errors more = core::Validation::participant(b.participant);
        b.enrolment.participantId = QStringLiteral("new");
        b.consent.participantId = QStringLiteral("new");
        for (core::Error e : core::Validation::enrolment(b.enrolment, &programme)) {
            e.field = QStringLiteral("enrolment.") + e.field;
            more << e;
        }
        if (!b.consent.givenBy.isEmpty()) {
            for (core::Error e : core::Validation::consent(b.consent)) {
                e.field = QStringLiteral("consent.") + e.field;
                more << e;
            }
        }
        more.removeIf([&errors](const core::Error &e) { return errors.contains(formKey(e.field)); });
        addErrors(errors, more);
        return errors;
    }
    const auto id = people.registerParticipant(b.participant, b.enrolment, b.consent);
    if (!id) {
        addErrors(errors, id.errors());
        return errors;
    }
    if (added) {
        added->participantId = id.value();
        added->code = b.participant.code;
        added->knownAs = b.participant.knownAs;
        added->ageBand = b.participant.ageBand;
        added->gender = b.participant.gender;
        added->cohortIds = cohortId.isEmpty() ? QStringList() : QStringList{cohortId};
        added->enrolledOn = on;
    }
    return {};
}

QString codePrefix(const core::Programme &programme)
{
    QString prefix;
    for (const QString &word : programme.code.split(QLatin1Char('_'), Qt::SkipEmptyParts)) {
        if (prefix.size() < 3)
            prefix += word.at(0).toUpper();
    }
    return prefix.isEmpty() ? QStringLiteral("YP") : prefix;
}

} // namespace outreach::app::quickadd
