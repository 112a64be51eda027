// The parsing half of CatalogueLoader: the JSON form of a catalogue read into values, with every problem named
// by the path of its field. Pure (no database), so the server can validate a catalogue before importing it.
#include "catalogueloader.h"

#include "core/domain/ids.h"
#include "core/domain/vocabulary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace outreach::core::store {

namespace {

using L = QLatin1String;

const QStringList kMetrics = {
    QStringLiteral("sessions"), QStringLiteral("sessions_of_type"), QStringLiteral("people_engaged"),
    QStringLiteral("outcome"),  QStringLiteral("certificates"),     QStringLiteral("contacts"),
};

QString join(const QString &path, L key)
{
    return path.isEmpty() ? QString(key) : path + QLatin1Char('.') + key;
}

QString at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString childKey(const QString &programmeCode, const QString &code)
{
    return programmeCode + QLatin1Char('/') + code;
}

// For the NOT NULL DEFAULT '' columns: Qt binds a null QString as SQL NULL.

// Reads the JSON form of a catalogue into values, collecting every problem with the path of its field.
class Parser
{
public:
    enum class Need { Optional, Required };

    Errors errors;

    Catalogue parse(const QJsonObject &root)
    {
        Catalogue c;
        c.version = integer(root, QString(), L("version"), Need::Required, 1).value_or(0);
        c.borough = text(root, QString(), L("borough"), Need::Required);

        each(root, L("wards"), Need::Required,
             [&](const QJsonObject &o, const QString &path, const QString &code, int) {
                 Ward w;
                 w.code = code;
                 w.id = catalogueId(u"ward", code);
                 w.name = text(o, path, L("name"), Need::Required);
                 c.wards << w;
             });
        const QSet<QString> wardCodes = codes(c.wards);

        each(root, L("organisations"), Need::Optional,
             [&](const QJsonObject &o, const QString &path, const QString &code, int) {
                 Organisation org;
                 org.code = code;
                 org.id = catalogueId(u"organisation", code);
                 org.name = text(o, path, L("name"), Need::Required);
                 org.kind = text(o, path, L("kind"), Need::Optional);
                 c.organisations << org;
             });
        const QSet<QString> organisationCodes = codes(c.organisations);

        each(root, L("venues"), Need::Optional,
             [&](const QJsonObject &o, const QString &path, const QString &code, int) {
                 Venue v;
                 v.code = code;
                 v.id = catalogueId(u"venue", code);
                 v.name = text(o, path, L("name"), Need::Required);
                 v.kind = oneOf(o, path, L("kind"), { QStringLiteral("venue"), QStringLiteral("area") });
                 const QString ward = text(o, path, L("ward"), Need::Optional);
                 if (!ward.isEmpty()) {
                     if (wardCodes.contains(ward))
                         v.wardId = catalogueId(u"ward", ward);
                     else
                         fail(join(path, L("ward")), QStringLiteral("'%1' is not a ward of this catalogue").arg(ward),
                              L("unknown"));
                 }
                 v.description = text(o, path, L("description"), Need::Optional);
                 c.venues << v;
             });

        each(root, L("programmes"), Need::Required,
             [&](const QJsonObject &o, const QString &path, const QString &code, int index) {
                 c.programmes << programme(o, path, code, index, organisationCodes);
             });
        return c;
    }

private:
    void fail(const QString &field, const QString &message, L code)
    {
        errors << Error { field, message, QString(code) };
    }

    template<typename T> static QSet<QString> codes(const QList<T> &items)
    {
        QSet<QString> out;
        for (const T &item : items)
            out.insert(item.code);
        return out;
    }

    QJsonObject object(const QJsonValue &value, const QString &path)
    {
        if (!value.isObject()) {
            fail(path, QStringLiteral("must be an object"), L("type"));
            return {};
        }
        return value.toObject();
    }

    QJsonArray array(const QJsonObject &o, const QString &path, L key, Need need)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (need == Need::Required)
                fail(join(path, key), QStringLiteral("is required"), L("required"));
            return {};
        }
        if (!v.isArray()) {
            fail(join(path, key), QStringLiteral("must be a list"), L("type"));
            return {};
        }
        return v.toArray();
    }

    QString text(const QJsonObject &o, const QString &path, L key, Need need)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (need == Need::Required)
                fail(join(path, key), QStringLiteral("is required"), L("required"));
            return {};
        }
        if (!v.isString()) {
            fail(join(path, key), QStringLiteral("must be text"), L("type"));
            return {};
        }
        const QString s = v.toString().trimmed();
        if (s.isEmpty() && need == Need::Required)
            fail(join(path, key), QStringLiteral("must not be empty"), L("required"));
        return s;
    }

    QString code(const QJsonObject &o, const QString &path, L key, Need need = Need::Required)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9_]*$"));
        const QString s = text(o, path, key, need);
        if (!s.isEmpty() && !re.match(s).hasMatch()) {
            fail(
                join(path, key),
                QStringLiteral("'%1' is not a code: use lower-case letters, digits and _ (e.g. street_doctors)").arg(s),
                L("format"));
        }
        return s;
    }

    // Calls fn(item, itemPath, code, index) for each object of the list o[key] that has a code, checking that
    // codes are unique within the list. Items that are not objects are reported and skipped.
    template<typename Fn> void each(const QJsonObject &o, L key, Need need, Fn &&fn, const QString &path = QString())
    {
        const QString listPath = join(path, key);
        const QJsonArray items = array(o, path, key, need);
        QHash<QString, qsizetype> seen;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString itemPath = at(listPath, i);
            if (!items.at(i).isObject()) {
                fail(itemPath, QStringLiteral("must be an object"), L("type"));
                continue;
            }
            const QJsonObject item = items.at(i).toObject();
            const QString c = code(item, itemPath, L("code"));
            if (!c.isEmpty()) {
                if (const auto it = seen.constFind(c); it != seen.cend())
                    fail(join(itemPath, L("code")),
                         QStringLiteral("'%1' is used twice (also by %2)").arg(c, at(listPath, it.value())),
                         L("duplicate"));
                else
                    seen.insert(c, i);
            }
            fn(item, itemPath, c, int(i));
        }
    }

    QString oneOf(const QJsonObject &o, const QString &path, L key, const QStringList &allowed)
    {
        const QString s = text(o, path, key, Need::Required);
        if (!s.isEmpty() && !allowed.contains(s)) {
            QStringList quoted;
            for (const QString &a : allowed)
                quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
            const QString choices = quoted.size() == 2
                ? QString(quoted.at(0) + QStringLiteral(" or ") + quoted.at(1))
                : QString(QStringLiteral("one of ") + quoted.join(QStringLiteral(", ")));
            fail(join(path, key), QStringLiteral("must be %1").arg(choices), L("unknown"));
            return {};
        }
        return s;
    }

    std::optional<double> number(const QJsonObject &o, const QString &path, L key, Need need, double min, double max)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (need == Need::Required)
                fail(join(path, key), QStringLiteral("is required"), L("required"));
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(join(path, key), QStringLiteral("must be a number"), L("type"));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (d < min || d > max) {
            fail(join(path, key), QStringLiteral("must be between %1 and %2").arg(min).arg(max), L("range"));
            return std::nullopt;
        }
        return d;
    }

    std::optional<int> integer(const QJsonObject &o, const QString &path, L key, Need need, int min,
                               int max = std::numeric_limits<int>::max())
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (need == Need::Required)
                fail(join(path, key), QStringLiteral("is required"), L("required"));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d) {
            fail(join(path, key), QStringLiteral("must be a whole number"), L("type"));
            return std::nullopt;
        }
        if (d < min) {
            fail(join(path, key), QStringLiteral("must be %1 or more").arg(min), L("range"));
            return std::nullopt;
        }
        if (d > max) {
            fail(join(path, key), QStringLiteral("must be %1 or less").arg(max), L("range"));
            return std::nullopt;
        }
        return int(d);
    }

    QDate date(const QJsonObject &o, const QString &path, L key)
    {
        const QString s = text(o, path, key, Need::Optional);
        if (s.isEmpty())
            return {};
        static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!re.match(s).hasMatch() || !d.isValid()) {
            fail(join(path, key), QStringLiteral("'%1' is not a date: write it as YYYY-MM-DD").arg(s), L("format"));
            return {};
        }
        return d;
    }

    void checkOrder(const QDate &from, const QDate &to, const QString &path, L fromKey, L toKey)
    {
        if (from.isValid() && to.isValid() && from > to) {
            fail(join(path, toKey),
                 QStringLiteral("must not be before %1 (%2)").arg(fromKey, from.toString(Qt::ISODate)), L("order"));
        }
    }

    Programme programme(const QJsonObject &o, const QString &path, const QString &code, int position,
                        const QSet<QString> &organisationCodes)
    {
        Programme p;
        p.code = code;
        p.id = catalogueId(u"programme", code);
        p.position = position;
        p.name = text(o, path, L("name"), Need::Required);
        p.theme = text(o, path, L("theme"), Need::Optional);
        p.description = text(o, path, L("description"), Need::Optional);
        p.format = text(o, path, L("format"), Need::Optional);
        const QString organisation = text(o, path, L("organisation"), Need::Optional);
        if (!organisation.isEmpty()) {
            if (organisationCodes.contains(organisation))
                p.organisationId = catalogueId(u"organisation", organisation);
            else
                fail(join(path, L("organisation")),
                     QStringLiteral("'%1' is not an organisation of this catalogue").arg(organisation), L("unknown"));
        }
        p.minAge = integer(o, path, L("minAge"), Need::Optional, 0, 120);
        p.maxAge = integer(o, path, L("maxAge"), Need::Optional, 0, 120);
        if (p.minAge && p.maxAge && *p.minAge > *p.maxAge)
            fail(join(path, L("maxAge")), QStringLiteral("must not be below minAge (%1)").arg(*p.minAge), L("order"));
        p.activeFrom = date(o, path, L("activeFrom"));
        p.activeTo = date(o, path, L("activeTo"));
        checkOrder(p.activeFrom, p.activeTo, path, L("activeFrom"), L("activeTo"));

        const QString typesPath = join(path, L("sessionTypes"));
        const QJsonArray types = array(o, path, L("sessionTypes"), Need::Required);
        if (o.value(L("sessionTypes")).isArray() && types.isEmpty())
            fail(typesPath, QStringLiteral("must list at least one session type"), L("required"));
        for (qsizetype i = 0; i < types.size(); ++i) {
            const QString type = types.at(i).toString();
            if (!types.at(i).isString()) {
                fail(at(typesPath, i), QStringLiteral("must be text"), L("type"));
            } else if (!Vocabulary::contains(Vocabulary::List::SessionType, type)) {
                fail(at(typesPath, i),
                     QStringLiteral("'%1' is not a session type (%2)")
                         .arg(type, Vocabulary::codes(Vocabulary::List::SessionType).join(QStringLiteral(", "))),
                     L("unknown"));
            } else if (p.sessionTypes.contains(type)) {
                fail(at(typesPath, i), QStringLiteral("'%1' is listed twice").arg(type), L("duplicate"));
            } else {
                p.sessionTypes << type;
            }
        }

        const QJsonValue certificate = o.value(L("certificateTitle"));
        p.certificateTitle = text(o, path, L("certificateTitle"), Need::Optional);
        if (certificate.isString() && p.certificateTitle.isEmpty())
            fail(join(path, L("certificateTitle")),
                 QStringLiteral("must not be empty: use null when the programme gives no certificate"), L("required"));

        modules(o, path, p);
        eligibility(o, path, p);
        measures(o, path, p);
        targets(o, path, p);
        return p;
    }

    void modules(const QJsonObject &o, const QString &path, Programme &p)
    {
        each(
            o, L("modules"), Need::Optional,
            [&](const QJsonObject &m, const QString &mPath, const QString &c, int i) {
                ProgrammeModule module;
                module.code = c;
                module.id = catalogueId(u"module", childKey(p.code, c));
                module.programmeId = p.id;
                module.name = text(m, mPath, L("name"), Need::Required);
                module.plannedSessions = integer(m, mPath, L("plannedSessions"), Need::Optional, 0).value_or(0);
                module.position = i;
                p.modules << module;
            },
            path);
    }

    void eligibility(const QJsonObject &o, const QString &path, Programme &p)
    {
        each(
            o, L("eligibility"), Need::Optional,
            [&](const QJsonObject &e, const QString &ePath, const QString &c, int i) {
                EligibilityCriterion criterion;
                criterion.code = c;
                criterion.id = catalogueId(u"criterion", childKey(p.code, c));
                criterion.programmeId = p.id;
                criterion.label = text(e, ePath, L("label"), Need::Required);
                criterion.position = i;
                p.eligibility << criterion;
            },
            path);
    }

    void measures(const QJsonObject &o, const QString &path, Programme &p)
    {
        each(
            o, L("outcomeMeasures"), Need::Optional,
            [&](const QJsonObject &m, const QString &mPath, const QString &c, int i) {
                OutcomeMeasure measure;
                measure.code = c;
                measure.id = catalogueId(u"measure", childKey(p.code, c));
                measure.programmeId = p.id;
                measure.label = text(m, mPath, L("label"), Need::Required);
                measure.definition = text(m, mPath, L("definition"), Need::Optional);
                measure.kind = oneOf(m, mPath, L("kind"), { QStringLiteral("achieved"), QStringLiteral("scale") });
                measure.position = i;
                const QString scalePath = join(mPath, L("scale"));
                const QJsonValue scale = m.value(L("scale"));
                if (measure.isScale()) {
                    if (scale.isUndefined() || scale.isNull()) {
                        fail(scalePath,
                             QStringLiteral("is required for a scale measure (items, min, max, improvedWhen)"),
                             L("required"));
                    } else {
                        const QJsonObject s = object(scale, scalePath);
                        if (scale.isObject()) {
                            measure.scaleItems = integer(s, scalePath, L("items"), Need::Required, 1, 1000);
                            measure.scaleMin
                                = integer(s, scalePath, L("min"), Need::Required, std::numeric_limits<int>::min());
                            measure.scaleMax
                                = integer(s, scalePath, L("max"), Need::Required, std::numeric_limits<int>::min());
                            if (measure.scaleMin && measure.scaleMax && *measure.scaleMax <= *measure.scaleMin)
                                fail(join(scalePath, L("max")),
                                     QStringLiteral("must be greater than min (%1)").arg(*measure.scaleMin),
                                     L("order"));
                            measure.improvedWhen = oneOf(s, scalePath, L("improvedWhen"),
                                                         { QStringLiteral("lower"), QStringLiteral("higher") });
                        }
                    }
                } else if (!measure.kind.isEmpty() && !scale.isUndefined() && !scale.isNull()) {
                    fail(scalePath, QStringLiteral("only a measure of kind 'scale' has a scale"), L("unexpected"));
                }
                p.measures << measure;
            },
            path);
    }

    void targets(const QJsonObject &o, const QString &path, Programme &p)
    {
        each(
            o, L("targets"), Need::Optional,
            [&](const QJsonObject &t, const QString &tPath, const QString &c, int) {
                Target target;
                target.code = c;
                target.id = catalogueId(u"target", childKey(p.code, c));
                target.programmeId = p.id;
                target.label = text(t, tPath, L("label"), Need::Required);
                target.metric = oneOf(t, tPath, L("metric"), kMetrics);

                target.sessionType = text(t, tPath, L("sessionType"), Need::Optional);
                // Against the programme's own types; if those were all invalid (already reported), the vocabulary.
                const bool offered = p.sessionTypes.isEmpty()
                    ? Vocabulary::contains(Vocabulary::List::SessionType, target.sessionType)
                    : p.sessionTypes.contains(target.sessionType);
                if (!target.sessionType.isEmpty() && !offered) {
                    fail(join(tPath, L("sessionType")),
                         QStringLiteral("'%1' is not one of this programme's session types (%2)")
                             .arg(target.sessionType, p.sessionTypes.join(QStringLiteral(", "))),
                         L("unknown"));
                } else if (target.sessionType.isEmpty() && target.metric == QLatin1String("sessions_of_type")) {
                    fail(join(tPath, L("sessionType")), QStringLiteral("is required for a sessions_of_type target"),
                         L("required"));
                }

                const QString measure = text(t, tPath, L("measure"), Need::Optional);
                if (!measure.isEmpty()) {
                    const bool known = std::any_of(p.measures.cbegin(), p.measures.cend(),
                                                   [&](const OutcomeMeasure &m) { return m.code == measure; });
                    if (!known)
                        fail(join(tPath, L("measure")),
                             QStringLiteral("'%1' is not an outcome measure of this programme").arg(measure),
                             L("unknown"));
                    else if (target.metric != QLatin1String("outcome") && !target.metric.isEmpty())
                        fail(join(tPath, L("measure")), QStringLiteral("only an 'outcome' target names a measure"),
                             L("unexpected"));
                    else
                        target.measureId = catalogueId(u"measure", childKey(p.code, measure));
                } else if (target.metric == QLatin1String("outcome")) {
                    fail(join(tPath, L("measure")), QStringLiteral("is required for an outcome target"), L("required"));
                }

                target.count = integer(t, tPath, L("count"), Need::Optional, 0);
                target.percent = number(t, tPath, L("percent"), Need::Optional, 0, 100);
                target.denominator = integer(t, tPath, L("denominator"), Need::Optional, 1);
                const bool countGiven = !t.value(L("count")).isUndefined() && !t.value(L("count")).isNull();
                const bool percentGiven = !t.value(L("percent")).isUndefined() && !t.value(L("percent")).isNull();
                if (!countGiven && !percentGiven)
                    fail(tPath, QStringLiteral("needs a count or a percent"), L("required"));
                target.periodFrom = date(t, tPath, L("periodFrom"));
                target.periodTo = date(t, tPath, L("periodTo"));
                checkOrder(target.periodFrom, target.periodTo, tPath, L("periodFrom"), L("periodTo"));
                p.targets << target;
            },
            path);
    }
};

} // namespace

Result<Catalogue> CatalogueLoader::parse(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error { QString(),
                       QStringLiteral("The catalogue is not valid JSON: %1 at offset %2.")
                           .arg(parseError.errorString())
                           .arg(parseError.offset),
                       QStringLiteral("parse") };
    }
    if (!doc.isObject())
        return Error { QString(), QStringLiteral("The catalogue must be a JSON object."), QStringLiteral("type") };
    Parser parser;
    Catalogue catalogue = parser.parse(doc.object());
    if (!parser.errors.isEmpty())
        return parser.errors;
    return catalogue;
}

} // namespace outreach::core::store
