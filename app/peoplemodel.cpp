#include "peoplemodel.h"

#include "formoptions.h"
#include "formtext.h"
#include "readerjob.h"

#include "core/domain/vocabulary.h"
#include "core/store/database.h"
#include "core/store/programmecatalogue.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QSqlDatabase>

Q_LOGGING_CATEGORY(lcPeople, "outreach.app.people")

namespace outreach::app {

using L = core::Vocabulary::List;
using core::store::PersonIndexEntry;
using Index = core::Result<QList<PersonIndexEntry>>;

PeopleModel::PeopleModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

PeopleModel::~PeopleModel() = default;

// ---- the store ----

void PeopleModel::setContext(AppContext *context)
{
    StoreBinding::Reactions reactions;
    reactions.storeChanged = [this] {
        dropPeople(); // the store it was read from may be gone or locked
        reload();
    };
    reactions.recordsChanged = [this] { reload(); };
    reactions.contextGone = [this] { dropPeople(); };
    if (!m_store.setContext(this, context, std::move(reactions)))
        return;
    reload();
    Q_EMIT contextChanged();
}

void PeopleModel::setDatabase(core::store::Database *database)
{
    m_store.setDatabase(database);
    dropPeople();
    reload();
}

void PeopleModel::reload()
{
    const quint64 generation = ++m_generation;
    core::store::Database *db = database();
    loadCatalogue(db);
    if (!db || !db->isUnlocked()) {
        dropPeople();
        setLoading(false);
        setErrorMessage(db ? tr("Outreach is locked: unlock it to see the young people.")
                           : tr("The records on this device are not open."));
        return;
    }
    setLoading(true);
    runOnReader<QList<PersonIndexEntry>>(
        this, *db,
        [](const QSqlDatabase &connection, const core::crypto::FieldCipher *cipher) {
            return core::store::PeopleDirectory(connection, cipher).index();
        },
        [this, generation](Index index) { applyIndex(generation, std::move(index)); });
}

void PeopleModel::applyIndex(quint64 generation, Index index)
{
    core::store::Database *db = database();
    // Superseded by a later build, or the store was locked or replaced while this one ran: throw it away.
    if (generation != m_generation)
        return;
    setLoading(false);
    if (!db || !db->isUnlocked()) {
        dropPeople();
        Q_EMIT loaded();
        return;
    }
    if (!index) {
        qCWarning(lcPeople) << "could not build the people index:" << index.errors().size() << "problem(s)";
        dropPeople();
        setErrorMessage(tr("The young people could not be read: %1").arg(core::describe(index.errors())));
        Q_EMIT loaded();
        return;
    }
    setErrorMessage(QString());
    m_people = std::move(index).value();
    refilter();
    Q_EMIT loaded();
}

void PeopleModel::dropPeople()
{
    ++m_generation;
    if (m_people.isEmpty() && m_matches.isEmpty())
        return;
    beginResetModel();
    m_people.clear();
    m_people.squeeze();
    m_matches.clear();
    m_fetched = 0;
    endResetModel();
    Q_EMIT countChanged();
}

void PeopleModel::loadCatalogue(core::store::Database *db)
{
    QList<core::Programme> programmes;
    QList<core::Ward> wards;
    if (db) {
        const core::store::ProgrammeCatalogue catalogue(db->connection());
        programmes = catalogue.programmes();
        wards = catalogue.wards();
    }
    m_programmeNames.clear();
    m_wardNames.clear();
    for (const core::Programme &p : std::as_const(programmes))
        m_programmeNames.insert(p.id, p.name);
    for (const core::Ward &w : std::as_const(wards))
        m_wardNames.insert(w.id, w.name);
    QVariantList programmeOptions {options::option(QString(), tr("All programmes"))};
    programmeOptions << options::programmes(programmes);
    const QVariantList wardOptions = options::wards(wards, tr("All wards"));
    if (programmeOptions != m_programmeOptions || wardOptions != m_wardOptions) {
        m_programmeOptions = programmeOptions;
        m_wardOptions = wardOptions;
        Q_EMIT optionsChanged();
    }
}

// ---- filters ----

void PeopleModel::setFilter(const core::store::PeopleFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
    Q_EMIT filterChanged();
    Q_EMIT countChanged(); // the empty text names the filters
}

void PeopleModel::setSearchText(const QString &text)
{
    core::store::PeopleFilter f = m_filter;
    f.text = text;
    setFilter(f);
}

void PeopleModel::setProgrammeId(const QString &id)
{
    core::store::PeopleFilter f = m_filter;
    f.programmeId = id;
    setFilter(f);
}

void PeopleModel::setWardId(const QString &id)
{
    core::store::PeopleFilter f = m_filter;
    f.wardId = id;
    setFilter(f);
}

void PeopleModel::setStatus(const QString &status)
{
    core::store::PeopleFilter f = m_filter;
    f.status = status;
    setFilter(f);
}

void PeopleModel::clearFilters()
{
    setFilter(core::store::PeopleFilter {});
}

void PeopleModel::refilter()
{
    QList<qsizetype> matches = core::store::PeopleDirectory::search(m_people, m_filter);
    beginResetModel();
    m_matches = std::move(matches);
    m_fetched = int(std::min<qsizetype>(m_matches.size(), kPageSize));
    endResetModel();
    Q_EMIT countChanged();
}

QVariantList PeopleModel::statusOptions() const
{
    QVariantList out {options::option(QString(), tr("Any status"))};
    out << options::vocabulary(L::EnrolmentStatus);
    return out;
}

QString PeopleModel::countText() const
{
    const QLocale locale;
    const QString total = locale.toString(qint64(m_people.size()));
    if (m_matches.size() == m_people.size())
        return m_people.size() == 1 ? tr("1 person") : tr("%1 people").arg(total);
    return tr("%1 of %2 people").arg(locale.toString(qint64(m_matches.size())), total);
}

QString PeopleModel::emptyText() const
{
    if (!m_matches.isEmpty())
        return QString();
    if (m_loading)
        return tr("Reading the young people on this device…");
    if (!m_errorMessage.isEmpty())
        return m_errorMessage;
    if (m_people.isEmpty())
        return tr("Nobody is registered on this device yet. Add a young person to start.");
    if (!m_filter.text.trimmed().isEmpty())
        return tr("Nobody's known-as name or code matches “%1” with these filters.").arg(m_filter.text.trimmed());
    return tr("Nobody matches these filters.");
}

void PeopleModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
    Q_EMIT countChanged(); // emptyText
}

void PeopleModel::setErrorMessage(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
}

// ---- the model ----

int PeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_fetched;
}

bool PeopleModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetched < m_matches.size();
}

void PeopleModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = int(std::min<qsizetype>(m_matches.size() - m_fetched, kPageSize));
    beginInsertRows(QModelIndex(), m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
}

QString PeopleModel::participantIdAt(int row) const
{
    if (row < 0 || row >= m_fetched)
        return QString();
    return m_people.at(m_matches.at(row)).participantId;
}

QString PeopleModel::programmeNames(const PersonIndexEntry &person) const
{
    QStringList names;
    for (const PersonIndexEntry::Enrolment &e : person.enrolments) {
        const QString name = m_programmeNames.value(e.programmeId, tr("Unknown programme"));
        const QString entry = e.status == QLatin1String("active")
            ? name
            : tr("%1 (%2)").arg(name, core::Vocabulary::label(L::EnrolmentStatus, e.status).toLower());
        if (!names.contains(entry))
            names << entry;
    }
    return names.join(QStringLiteral(", "));
}

QVariant PeopleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_fetched)
        return {};
    const core::store::Database *db = database();
    if (!db || !db->isUnlocked()) {
        // Locked without a signal reaching us (LockController drops the key directly): show nothing, and forget
        // the names as soon as the view is done asking.
        QMetaObject::invokeMethod(const_cast<PeopleModel *>(this), &PeopleModel::reload, Qt::QueuedConnection);
        return {};
    }
    const PersonIndexEntry &p = m_people.at(m_matches.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case KnownAsRole:
        return p.knownAs;
    case ParticipantIdRole:
        return p.participantId;
    case CodeRole:
        return p.code;
    case AgeBandLabelRole:
        return core::Vocabulary::label(L::AgeBand, p.ageBand);
    case GenderLabelRole:
        return core::Vocabulary::label(L::Gender, p.gender);
    case WardNameRole:
        return m_wardNames.value(p.wardId);
    case ProgrammeNamesRole:
        return programmeNames(p);
    case LastSeenRole:
        return p.lastSeen.isValid() ? formtext::recentDayText(p.lastSeen) : QString();
    case SummaryRole: {
        QStringList parts {p.code};
        if (p.ageBand != QLatin1String("not_recorded"))
            parts << core::Vocabulary::label(L::AgeBand, p.ageBand);
        if (const QString ward = m_wardNames.value(p.wardId); !ward.isEmpty())
            parts << ward;
        if (const QString programmes = programmeNames(p); !programmes.isEmpty())
            parts << programmes;
        return parts.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PeopleModel::roleNames() const
{
    return {
        {ParticipantIdRole, "participantId"},
        {CodeRole, "code"},
        {KnownAsRole, "knownAs"},
        {AgeBandLabelRole, "ageBandLabel"},
        {GenderLabelRole, "genderLabel"},
        {WardNameRole, "wardName"},
        {ProgrammeNamesRole, "programmeNames"},
        {LastSeenRole, "lastSeen"},
        {SummaryRole, "summary"},
    };
}

} // namespace outreach::app
