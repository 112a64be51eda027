#include "lockcontroller.h"

#include "core/crypto/secretkey.h"
#include "core/store/database.h"
#include "core/store/devicekeys.h"
#include "core/store/devicesettings.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

Q_LOGGING_CATEGORY(lcLock, "outreach.app.lock")

namespace outreach::app {

using core::Error;
using core::Status;
using core::crypto::KeyWrap;
using core::crypto::SecretKey;
using core::store::DeviceKeys;
using core::store::DeviceSettings;
using namespace std::chrono_literals;

namespace {

constexpr auto LocalMode = QLatin1String("local");
constexpr auto ServerMode = QLatin1String("server");

// "0:45", "15:00": the wait as a clock shows it, whatever the language.
QString minutesAndSeconds(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// The server's address as the sync client will use it, or why it cannot be used. https only: the records are
// about children at risk. Plain http is accepted for this computer alone, to try a server out.
core::Result<QString> normalisedServerAddress(const QString &typed)
{
    const QString text = typed.trimmed();
    const QString name = QStringLiteral("serverAddress");
    if (text.isEmpty()) {
        return Error {name, LockController::tr("Enter the address of your organisation's Outreach server."),
                      QStringLiteral("required")};
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        return Error {name,
                      LockController::tr("This is not a server address. It starts with https://, for example "
                                         "https://outreach.example.org."),
                      QStringLiteral("format")};
    }
    if (!url.userInfo().isEmpty()) {
        return Error {name, LockController::tr("Leave the user name and password out of the address."),
                      QStringLiteral("format")};
    }
    const QString host = url.host().toLower();
    const bool thisComputer
        = host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
    if (scheme == QLatin1String("http") && !thisComputer) {
        return Error {name,
                      LockController::tr("Use the https:// address of the server: Outreach never sends records "
                                         "over an unencrypted connection."),
                      QStringLiteral("insecure")};
    }
    if (url.hasQuery() || url.hasFragment()) {
        return Error {name, LockController::tr("Use the server's address without anything after a ? or #."),
                      QStringLiteral("format")};
    }
    // One spelling per server: "https://host/" and "https://host" are the same place.
    QUrl normalised = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (normalised.path() == QLatin1String("/"))
        normalised.setPath(QString());
    return normalised.toString();
}

std::optional<QDateTime> parseTime(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time;
}

} // namespace

LockController::LockController(QObject *parent)
    : QObject(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_retryTimer.setInterval(250ms);
    connect(&m_retryTimer, &QTimer::timeout, this, &LockController::updateRetry);
    m_idleWatcher.setTimeout(std::chrono::seconds(DefaultIdleTimeoutSeconds));
    connect(&m_idleWatcher, &IdleWatcher::idle, this, [this] {
        qCInfo(lcLock) << "locking: no use for" << m_idleWatcher.timeout().count() << "ms";
        lock();
    });
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::applicationStateChanged, this, &LockController::handleApplicationState);
}

LockController::~LockController() = default;

void LockController::setContext(AppContext *context)
{
    if (context == m_context)
        return;
    if (m_context)
        disconnect(m_context, nullptr, this, nullptr);
    m_context = context;
    if (m_context)
        connect(m_context, &AppContext::storeChanged, this, &LockController::storeReplaced);
    Q_EMIT contextChanged();
    if (!m_useOwnDatabase)
        storeReplaced();
}

void LockController::setDatabase(core::store::Database *database)
{
    m_useOwnDatabase = true;
    m_database = database;
    storeReplaced();
}

core::store::Database *LockController::database() const
{
    if (m_useOwnDatabase)
        return m_database;
    return m_context ? m_context->database() : nullptr;
}

void LockController::setClock(std::function<QDateTime()> now)
{
    m_now = now ? std::move(now) : [] { return QDateTime::currentDateTimeUtc(); };
    updateRetry();
}

QDateTime LockController::now() const
{
    return m_now();
}

std::chrono::seconds LockController::waitAfter(int failedAttempts)
{
    if (failedAttempts <= FreeAttempts)
        return 0s;
    const int doublings = failedAttempts - FreeAttempts - 1;
    // 30 s × 2^5 is already past the cap: stop doubling before the shift can overflow.
    if (doublings >= 5)
        return LongestWait;
    return std::min(FirstWait * (1 << doublings), LongestWait);
}

QString LockController::retryMessage() const
{
    if (m_retryInSeconds <= 0)
        return QString();
    return tr("Too many wrong passcodes. Try again in %1.").arg(minutesAndSeconds(m_retryInSeconds));
}

int LockController::idleTimeoutSeconds() const
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(m_idleWatcher.timeout()).count());
}

void LockController::setIdleTimeoutSeconds(int seconds)
{
    // Never "never": an unlocked tablet left on a bus shows children's records to whoever picks it up.
    seconds = std::max(seconds, 1);
    if (seconds == idleTimeoutSeconds())
        return;
    m_idleWatcher.setTimeout(std::chrono::seconds(seconds));
    Q_EMIT idleTimeoutSecondsChanged();
}

bool LockController::checkServer(const QString &serverAddress, const QString &userName)
{
    const auto address = normalisedServerAddress(serverAddress);
    if (!address) {
        setError(address.error());
        return false;
    }
    if (userName.trimmed().isEmpty()) {
        setError(QStringLiteral("userName"), tr("Enter your user name on the server."));
        return false;
    }
    clearError();
    return true;
}

bool LockController::setUp(const QString &mode, const QString &serverAddress, const QString &userName,
                           const QString &passcode, const QString &confirmation)
{
    if (m_busy)
        return false;
    if (!database()) {
        setError(QString(), tr("The records on this device are not open, so no passcode can be set."));
        return false;
    }
    const bool server = mode == ServerMode;
    if (!server && mode != LocalMode) {
        setError(QStringLiteral("mode"), tr("Choose whether to sign in to a server or to work on this device only."));
        return false;
    }
    if (server && !checkServer(serverAddress, userName))
        return false;
    if (Status policy = KeyWrap::checkPasscode(passcode); !policy) {
        setError(policy.error());
        return false;
    }
    if (confirmation != passcode) {
        setError(QStringLiteral("confirmation"), tr("The two passcodes are not the same. Type it again here."));
        return false;
    }
    if (m_state != NeedsSetup) {
        setError(QString(), tr("This device already has a passcode."));
        return false;
    }

    clearError();
    m_pendingMode = server ? QString(ServerMode) : QString(LocalMode);
    m_pendingServerAddress = server ? normalisedServerAddress(serverAddress).value() : QString();
    m_pendingUserName = server ? userName.trimmed() : QString();
    const KeyWrap::Strength strength = m_strength;
    startJob(JobKind::SetUp, [passcode, strength] {
        KeyJob job;
        auto key = std::make_shared<SecretKey>(SecretKey::generate());
        auto wrapped = KeyWrap::wrap(*key, passcode, strength);
        if (!wrapped) {
            job.errors = wrapped.errors();
            return job;
        }
        job.wrapped = std::move(wrapped).value();
        job.dataKey = std::move(key);
        return job;
    });
    return true;
}

bool LockController::unlock(const QString &passcode)
{
    if (m_busy)
        return false;
    core::store::Database *db = database();
    if (!db) {
        setError(QString(), tr("The records on this device are not open."));
        return false;
    }
    if (m_state == NeedsSetup) {
        setError(QString(), tr("No passcode has been set on this device yet."));
        return false;
    }
    if (m_state == Unlocked)
        return true;
    if (wipeIfDue())
        return false; // the app was closed between counting the last wrong passcode and wiping
    updateRetry();
    if (m_retryInSeconds > 0) {
        setError(QStringLiteral("passcode"), retryMessage());
        return false;
    }
    if (passcode.isEmpty()) {
        setError(QStringLiteral("passcode"), tr("Enter your passcode."));
        return false;
    }
    auto stored = DeviceKeys::storedKey(*db);
    if (!stored) {
        qCWarning(lcLock) << "the stored key cannot be read:" << core::describe(stored.errors());
        setError(QString(), stored.error().message);
        return false;
    }

    // Count the attempt as wrong before checking it, so that closing the app during the check gives no free
    // try; a right passcode resets the count when the check ends.
    m_failuresBefore = m_failedAttempts;
    m_waitBefore = m_waitUntil;
    const int counted = m_failedAttempts + 1;
    const std::chrono::seconds wait = waitAfter(counted);
    const std::optional<QDateTime> waitUntil
        = wait > 0s ? std::optional<QDateTime>(now().addSecs(wait.count())) : std::nullopt;
    if (!saveFailures(counted, waitUntil))
        return false;

    clearError();
    startJob(JobKind::Unlock, [wrapped = std::move(stored).value(), passcode] {
        KeyJob job;
        auto key = KeyWrap::unwrap(wrapped, passcode);
        if (!key)
            job.errors = key.errors();
        else
            job.dataKey = std::make_shared<SecretKey>(std::move(key).value());
        return job;
    });
    return true;
}

void LockController::lock()
{
    // A check still running ends without unlocking (see jobFinished()).
    ++m_attempt;
    const bool wasUnlocked = m_state == Unlocked;
    if (wasUnlocked)
        Q_EMIT aboutToLock();
    if (core::store::Database *db = database())
        db->lock();
    if (wasUnlocked) {
        qCInfo(lcLock) << "locked";
        clearError();
        setState(Locked);
    }
}

void LockController::noteActivity()
{
    m_idleWatcher.noteActivity();
}

void LockController::clearError()
{
    setError(Error {});
}

void LockController::handleApplicationState(Qt::ApplicationState state)
{
    if ((state == Qt::ApplicationSuspended || state == Qt::ApplicationHidden) && (m_state == Unlocked || m_busy)) {
        qCInfo(lcLock) << "locking: the app went to the background";
        lock();
    }
}

void LockController::storeReplaced()
{
    ++m_storeGeneration;
    ++m_attempt;
    // A job on the old store is left to finish on its own and ignored: this store can be used at once.
    m_job = nullptr;
    setBusy(false);
    clearError();
    reload();
}

void LockController::reload()
{
    core::store::Database *db = database();
    QString mode;
    QString serverAddress;
    QString userName;
    int failures = 0;
    int wipe = DefaultWipeAfterFailures;
    std::optional<QDateTime> waitUntil;
    State state = Locked;
    if (db) {
        const DeviceSettings settings(*db);
        mode = settings.valueOr(DeviceSettings::AccountMode);
        serverAddress = settings.valueOr(DeviceSettings::ServerAddress);
        userName = settings.valueOr(DeviceSettings::UserName);
        failures = std::max(0, settings.valueOr(DeviceSettings::FailedUnlocks).toInt());
        bool set = false;
        const int wipeAfter = settings.valueOr(DeviceSettings::WipeAfterFailedUnlocks).toInt(&set);
        wipe = set ? (wipeAfter <= 0 ? 0 : std::max(wipeAfter, int(MinimumWipeAfterFailures))) : DefaultWipeAfterFailures;
        waitUntil = parseTime(settings.valueOr(DeviceSettings::UnlockWaitUntil));
        state = !DeviceKeys::hasKey(*db) ? NeedsSetup : db->isUnlocked() ? Unlocked : Locked;
    }
    setAccount(mode, serverAddress, userName);
    if (wipe != m_wipeAfter) {
        m_wipeAfter = wipe;
        Q_EMIT wipeAfterFailuresChanged();
    }
    setFailures(failures, waitUntil);
    setState(state);
}

void LockController::setWipeAfterFailures(int failures)
{
    failures = failures <= 0 ? 0 : std::max(failures, int(MinimumWipeAfterFailures));
    core::store::Database *db = database();
    if (db) {
        if (Status saved = DeviceSettings(*db).setValue(DeviceSettings::WipeAfterFailedUnlocks, QString::number(failures));
            !saved) {
            setError(saved.error());
            return;
        }
    }
    if (failures == m_wipeAfter)
        return;
    m_wipeAfter = failures;
    Q_EMIT wipeAfterFailuresChanged();
    Q_EMIT failedAttemptsChanged(); // attemptsBeforeWipe
}

bool LockController::wipeIfDue()
{
    core::store::Database *db = database();
    if (!db || m_wipeAfter <= 0 || m_failedAttempts < m_wipeAfter)
        return false;
    const int attempts = m_failedAttempts;
    qCWarning(lcLock) << attempts << "wrong passcodes in a row: wiping the records on this device";
    if (m_context) {
        m_context->wipeAfterFailedPasscodes(attempts); // storeChanged() reloads this controller
    } else if (Status wiped = AppContext::wipeStore(*db); !wiped) {
        qCWarning(lcLock) << "the wipe failed:" << core::describe(wiped.errors());
    }
    reload();
    setError(QString(),
             tr("After %1 wrong passcodes in a row, the records on this device were wiped. Set Outreach up again; "
                "anything that had been sent is safe on the server.")
                 .arg(attempts));
    return true;
}

void LockController::setAccount(const QString &mode, const QString &serverAddress, const QString &userName)
{
    if (mode == m_mode && serverAddress == m_serverAddress && userName == m_userName)
        return;
    m_mode = mode;
    m_serverAddress = serverAddress;
    m_userName = userName;
    Q_EMIT accountChanged();
}

void LockController::setState(State state)
{
    m_idleWatcher.setActive(state == Unlocked);
    // The sync client lives while the store is unlocked (it needs the data key).
    if (m_context && !m_useOwnDatabase)
        m_context->updateSyncClient();
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void LockController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void LockController::setError(const Error &error)
{
    if (error.field == m_error.field && error.message == m_error.message)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void LockController::setError(const QString &fieldName, const QString &message)
{
    setError(Error {fieldName, message, QString()});
}

void LockController::setFailures(int failedAttempts, const std::optional<QDateTime> &waitUntil)
{
    m_waitUntil = waitUntil;
    if (failedAttempts != m_failedAttempts) {
        m_failedAttempts = failedAttempts;
        Q_EMIT failedAttemptsChanged();
    }
    updateRetry();
}

bool LockController::saveFailures(int failedAttempts, const std::optional<QDateTime> &waitUntil)
{
    core::store::Database *db = database();
    if (!db)
        return false;
    DeviceSettings settings(*db);
    Status saved = failedAttempts > 0
        ? settings.setValue(DeviceSettings::FailedUnlocks, QString::number(failedAttempts))
        : settings.remove(DeviceSettings::FailedUnlocks);
    if (saved) {
        saved = waitUntil
            ? settings.setValue(DeviceSettings::UnlockWaitUntil, waitUntil->toUTC().toString(Qt::ISODateWithMs))
            : settings.remove(DeviceSettings::UnlockWaitUntil);
    }
    if (!saved) {
        qCWarning(lcLock) << "could not save the unlock count:" << core::describe(saved.errors());
        setError(QString(),
                 tr("Outreach could not record this attempt, so it cannot check the passcode: %1")
                     .arg(saved.error().message));
        return false;
    }
    return true;
}

void LockController::updateRetry()
{
    int seconds = 0;
    if (m_waitUntil) {
        // Never longer than the rule allows: a clock turned back must not lock the worker out for days.
        const qint64 cap = std::chrono::milliseconds(waitAfter(m_failedAttempts)).count();
        const qint64 left = std::min(now().msecsTo(*m_waitUntil), cap);
        seconds = left > 0 ? int((left + 999) / 1000) : 0;
    }
    if (seconds > 0 && !m_retryTimer.isActive())
        m_retryTimer.start();
    else if (seconds == 0)
        m_retryTimer.stop();
    if (seconds != m_retryInSeconds) {
        m_retryInSeconds = seconds;
        Q_EMIT retryInSecondsChanged();
    }
}

void LockController::startJob(JobKind kind, const std::function<KeyJob()> &work)
{
    auto *watcher = new QFutureWatcher<KeyJob>(this);
    const quint64 attempt = m_attempt;
    const quint64 generation = m_storeGeneration;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, kind, attempt, generation] {
        watcher->deleteLater();
        KeyJob job = watcher->result();
        if (m_job == watcher) {
            m_job = nullptr;
            setBusy(false);
        }
        // Its store was closed or replaced: nothing of it may be touched.
        if (generation == m_storeGeneration) {
            const bool current = attempt == m_attempt;
            if (kind == JobKind::SetUp)
                finishSetUp(job, current);
            else
                finishUnlock(job, current);
        }
        if (job.dataKey)
            job.dataKey->clear(); // also the future's copy: both share this key
    });
    m_job = watcher;
    setBusy(true);
    watcher->setFuture(QtConcurrent::run(work));
}

void LockController::finishSetUp(KeyJob &job, bool current)
{
    core::store::Database *db = database();
    if (!db)
        return;
    if (!job.errors.isEmpty() || !job.wrapped || !job.dataKey) {
        qCWarning(lcLock) << "passcode set-up failed:" << core::describe(job.errors);
        setError(job.errors.isEmpty() ? Error {QString(), tr("The passcode could not be set up."), QString()}
                                      : job.errors.constFirst());
        return;
    }

    // The key and how the worker chose to work are recorded together or not at all.
    QSqlDatabase &sql = db->connection();
    if (!sql.transaction()) {
        setError(QString(), tr("The passcode could not be saved: %1").arg(sql.lastError().text()));
        return;
    }
    DeviceSettings settings(*db);
    const bool server = m_pendingMode == ServerMode;
    Status saved = DeviceKeys::storeKey(*db, *job.wrapped);
    if (saved)
        saved = settings.setValue(DeviceSettings::AccountMode, m_pendingMode);
    if (saved)
        saved = server ? settings.setValue(DeviceSettings::ServerAddress, m_pendingServerAddress)
                       : settings.remove(DeviceSettings::ServerAddress);
    if (saved)
        saved = server ? settings.setValue(DeviceSettings::UserName, m_pendingUserName)
                       : settings.remove(DeviceSettings::UserName);
    if (saved)
        saved = settings.remove(DeviceSettings::FailedUnlocks);
    if (saved)
        saved = settings.remove(DeviceSettings::UnlockWaitUntil);
    if (!saved || !sql.commit()) {
        const QString why = saved ? sql.lastError().text() : saved.error().message;
        sql.rollback();
        qCWarning(lcLock) << "could not store the passcode:" << why;
        setError(QString(), tr("The passcode could not be saved: %1").arg(why));
        return;
    }
    qCInfo(lcLock) << "passcode set up; working" << (server ? "with a server" : "on this device only");
    setAccount(m_pendingMode, m_pendingServerAddress, m_pendingUserName);
    setFailures(0, std::nullopt);
    if (m_context)
        m_context->clearNotice(); // e.g. "this device was removed from the server": it is set up anew now
    if (!current) {
        setState(Locked); // locked while it was being set up: the new passcode unlocks it
        return;
    }
    if (Status unlocked = DeviceKeys::unlockWith(*db, *job.dataKey); !unlocked) {
        setError(unlocked.error());
        setState(Locked);
        return;
    }
    setState(Unlocked);
}

void LockController::finishUnlock(KeyJob &job, bool current)
{
    core::store::Database *db = database();
    if (!db)
        return;
    if (!job.errors.isEmpty() || !job.dataKey) {
        const Error error = job.errors.isEmpty() ? Error {} : job.errors.constFirst();
        if (error.code == QLatin1String("wrong_passcode")) {
            // Already counted and saved when the check started.
            reload();
            qCInfo(lcLock) << "wrong passcode;" << m_failedAttempts << "in a row";
            if (wipeIfDue())
                return;
            const int left = attemptsBeforeWipe();
            if (left > 0 && left <= 3) {
                setError(QStringLiteral("passcode"),
                         left == 1 ? tr("The passcode is not correct. One more wrong passcode wipes the records on this "
                                        "device.")
                                   : tr("The passcode is not correct. After %1 more wrong passcodes the records on "
                                        "this device are wiped.")
                                         .arg(left));
                return;
            }
            if (m_failedAttempts < FreeAttempts)
                setError(QStringLiteral("passcode"), tr("The passcode is not correct."));
            else if (m_failedAttempts == FreeAttempts)
                setError(QStringLiteral("passcode"),
                         tr("The passcode is not correct. After one more wrong passcode Outreach makes you wait "
                            "before the next try."));
            else
                setError(QStringLiteral("passcode"),
                         tr("The passcode is not correct (%n wrong in a row). Each wrong passcode makes the wait "
                            "longer.",
                            nullptr, m_failedAttempts));
            return;
        }
        // Not the person's mistake (a damaged key, no memory for Argon2id): it does not count.
        qCWarning(lcLock) << "unlock failed:" << core::describe(job.errors);
        saveFailures(m_failuresBefore, m_waitBefore);
        setFailures(m_failuresBefore, m_waitBefore);
        setError(QString(), error.message.isEmpty() ? tr("The passcode could not be checked.") : error.message);
        return;
    }

    saveFailures(0, std::nullopt);
    setFailures(0, std::nullopt);
    if (!current)
        return; // locked again while checking: stay locked
    if (Status unlocked = DeviceKeys::unlockWith(*db, *job.dataKey); !unlocked) {
        setError(unlocked.error());
        return;
    }
    qCInfo(lcLock) << "unlocked";
    clearError();
    setState(Unlocked);
}

} // namespace outreach::app
