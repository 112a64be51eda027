#include "registermodel.h"

#include "core/domain/vocabulary.h"

#include <QCollator>
#include <QRegularExpression>

#include <algorithm>

namespace outreach::app {

namespace {

QString searchKeyOf(const core::store::RegisterEntry &entry)
{
    return QString(entry.knownAs + QLatin1Char(' ') + entry.code).toCaseFolded();
}

} // namespace

RegisterModel::RegisterModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int RegisterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RegisterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const core::store::RegisterEntry &p = m_people.at(m_rows.at(index.row())).entry;
    switch (role) {
    case Qt::DisplayRole:
    case KnownAsRole:
        return p.knownAs;
    case ParticipantIdRole:
        return p.participantId;
    case CodeRole:
        return p.code;
    case PresentRole:
        return m_present.contains(p.participantId);
    case CertificateRole:
        return m_certificates.contains(p.participantId);
    case OutcomeCountRole:
        return m_outcomeCounts.value(p.participantId);
    case HasOutcomesRole:
        return m_outcomeCounts.value(p.participantId) > 0;
    case InCohortRole:
        return !m_cohortId.isEmpty() && p.cohortIds.contains(m_cohortId);
    case AgeBandRole:
        return core::Vocabulary::label(core::Vocabulary::List::AgeBand, p.ageBand);
    case ErrorRole:
        return m_errors.value(p.participantId);
    case CertificateOfferedRole:
        return m_certificatesOffered && m_present.contains(p.participantId);
    default:
        return {};
    }
}

bool RegisterModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return false;
    const QString id = m_people.at(m_rows.at(index.row())).entry.participantId;
    if (role == PresentRole) {
        setPresentById(id, value.toBool());
        return true;
    }
    if (role == CertificateRole) {
        setCertificateById(id, value.toBool());
        return true;
    }
    return false;
}

Qt::ItemFlags RegisterModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsEditable : base;
}

QHash<int, QByteArray> RegisterModel::roleNames() const
{
    return {
        {ParticipantIdRole, "participantId"},
        {CodeRole, "code"},
        {KnownAsRole, "knownAs"},
        {PresentRole, "present"},
        {CertificateRole, "certificate"},
        {OutcomeCountRole, "outcomeCount"},
        {HasOutcomesRole, "hasOutcomes"},
        {InCohortRole, "inCohort"},
        {AgeBandRole, "ageBand"},
        {ErrorRole, "error"},
        {CertificateOfferedRole, "certificateOffered"},
    };
}

void RegisterModel::setSearchText(const QString &text)
{
    if (m_searchText == text)
        return;
    m_searchText = text;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    m_searchWords = text.toCaseFolded().split(spaces, Qt::SkipEmptyParts);
    refilter();
    Q_EMIT searchTextChanged();
    Q_EMIT countChanged(); // emptyText names the search
}

void RegisterModel::setCertificatesOffered(bool offered)
{
    if (m_certificatesOffered == offered)
        return;
    m_certificatesOffered = offered;
    if (!offered && !m_certificates.isEmpty()) {
        m_certificates.clear();
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {CertificateRole});
        Q_EMIT presenceChanged();
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {CertificateOfferedRole});
    Q_EMIT certificatesOfferedChanged();
}

QString RegisterModel::emptyText() const
{
    if (!m_rows.isEmpty())
        return QString();
    if (!m_loaded)
        return tr("Choose a programme to see who is enrolled in it.");
    if (m_people.isEmpty())
        return tr("Nobody is enrolled in this programme yet. Add a new young person below.");
    return tr("Nobody's known-as name or code matches “%1”.").arg(m_searchText.trimmed());
}

void RegisterModel::setPresent(int row, bool present)
{
    if (row < 0 || row >= m_rows.size())
        return;
    setPresentById(m_people.at(m_rows.at(row)).entry.participantId, present);
}

void RegisterModel::setCertificate(int row, bool certificate)
{
    if (row < 0 || row >= m_rows.size())
        return;
    setCertificateById(m_people.at(m_rows.at(row)).entry.participantId, certificate);
}

bool RegisterModel::setPresentById(const QString &participantId, bool present)
{
    if (!contains(participantId) || m_present.contains(participantId) == present)
        return false;
    QList<int> roles{PresentRole, CertificateOfferedRole};
    if (present) {
        m_present.insert(participantId);
    } else {
        m_present.remove(participantId);
        // Only people at the session get a certificate from it.
        if (m_certificates.remove(participantId))
            roles << CertificateRole;
    }
    if (m_errors.remove(participantId))
        roles << ErrorRole;
    notifyRow(participantId, roles);
    Q_EMIT presenceChanged();
    return true;
}

bool RegisterModel::setCertificateById(const QString &participantId, bool certificate)
{
    if (!m_certificatesOffered || !contains(participantId) || m_certificates.contains(participantId) == certificate)
        return false;
    if (certificate && !m_present.contains(participantId))
        return false;
    if (certificate)
        m_certificates.insert(participantId);
    else
        m_certificates.remove(participantId);
    notifyRow(participantId, {CertificateRole});
    Q_EMIT presenceChanged();
    return true;
}

void RegisterModel::setPeople(const QList<core::store::RegisterEntry> &people, bool loaded)
{
    const int presentBefore = int(m_present.size() + m_certificates.size());
    beginResetModel();
    m_people.clear();
    QSet<QString> ids;
    for (const core::store::RegisterEntry &entry : people) {
        m_people << Person{entry, searchKeyOf(entry)};
        ids.insert(entry.participantId);
    }
    m_present.intersect(ids);
    m_certificates.intersect(ids);
    m_errors.clear();
    m_loaded = loaded;
    m_rows.clear();
    for (int i = 0; i < m_people.size(); ++i) {
        if (matches(m_people.at(i)))
            m_rows << i;
    }
    endResetModel();
    Q_EMIT countChanged();
    if (presentBefore != m_present.size() + m_certificates.size())
        Q_EMIT presenceChanged();
}

void RegisterModel::addPerson(const core::store::RegisterEntry &person)
{
    if (contains(person.participantId)) {
        setPresentById(person.participantId, true);
        return;
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    const auto at = std::find_if(m_people.cbegin(), m_people.cend(), [&](const Person &p) {
        return collator.compare(person.knownAs, p.entry.knownAs) < 0;
    });
    const qsizetype position = at - m_people.cbegin();
    // Clearing the search resets the rows anyway, so one reset covers both.
    beginResetModel();
    m_people.insert(position, Person{person, searchKeyOf(person)});
    m_present.insert(person.participantId);
    m_loaded = true;
    const bool searchChanged = !m_searchText.isEmpty();
    m_searchText.clear();
    m_searchWords.clear();
    m_rows.clear();
    for (int i = 0; i < m_people.size(); ++i)
        m_rows << i;
    endResetModel();
    if (searchChanged)
        Q_EMIT searchTextChanged();
    Q_EMIT countChanged();
    Q_EMIT presenceChanged();
}

bool RegisterModel::contains(const QString &participantId) const
{
    return std::any_of(m_people.cbegin(), m_people.cend(),
                       [&](const Person &p) { return p.entry.participantId == participantId; });
}

QString RegisterModel::knownAs(const QString &participantId) const
{
    for (const Person &p : m_people) {
        if (p.entry.participantId == participantId)
            return p.entry.knownAs;
    }
    return QString();
}

QString RegisterModel::code(const QString &participantId) const
{
    for (const Person &p : m_people) {
        if (p.entry.participantId == participantId)
            return p.entry.code;
    }
    return QString();
}

void RegisterModel::setCohort(const QString &cohortId)
{
    if (m_cohortId == cohortId)
        return;
    m_cohortId = cohortId;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {InCohortRole});
}

QStringList RegisterModel::presentIds() const
{
    QStringList out;
    for (const Person &p : m_people) {
        if (m_present.contains(p.entry.participantId))
            out << p.entry.participantId;
    }
    return out;
}

QStringList RegisterModel::certificateIds() const
{
    QStringList out;
    for (const Person &p : m_people) {
        if (m_certificates.contains(p.entry.participantId))
            out << p.entry.participantId;
    }
    return out;
}

void RegisterModel::clearTicks()
{
    if (m_present.isEmpty() && m_certificates.isEmpty())
        return;
    m_present.clear();
    m_certificates.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {PresentRole, CertificateRole, CertificateOfferedRole});
    Q_EMIT presenceChanged();
}

void RegisterModel::setOutcomeCounts(const QHash<QString, int> &countByParticipant)
{
    if (m_outcomeCounts == countByParticipant)
        return;
    m_outcomeCounts = countByParticipant;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {OutcomeCountRole, HasOutcomesRole});
}

void RegisterModel::setErrors(const QHash<QString, QString> &errorByParticipant)
{
    if (m_errors == errorByParticipant)
        return;
    m_errors = errorByParticipant;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ErrorRole});
}

bool RegisterModel::matches(const Person &person) const
{
    return std::all_of(m_searchWords.cbegin(), m_searchWords.cend(),
                       [&](const QString &word) { return person.searchKey.contains(word); });
}

void RegisterModel::refilter()
{
    QList<int> rows;
    for (int i = 0; i < m_people.size(); ++i) {
        if (matches(m_people.at(i)))
            rows << i;
    }
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RegisterModel::rowOf(const QString &participantId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_people.at(m_rows.at(row)).entry.participantId == participantId)
            return row;
    }
    return -1;
}

void RegisterModel::notifyRow(const QString &participantId, const QList<int> &roles)
{
    const int row = rowOf(participantId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

} // namespace outreach::app
