// The device's data key: created once with the worker's passcode, stored only wrapped (Argon2id + XChaCha20)
// in local_key, unwrapped into the Database's field cipher on unlock and dropped on lock.
#pragma once

#include "core/crypto/keywrap.h"
#include "core/result.h"

namespace outreach::core::store {

class Database;

class DeviceKeys
{
public:
    using Strength = crypto::KeyWrap::Strength;

    static bool hasKey(const Database &db);
    // First run: a new random data key wrapped under `passcode`; leaves the database unlocked.
    static Status create(Database &db, const QString &passcode, Strength strength = Strength::Interactive);
    // Unwraps the key and unlocks the database; a wrong passcode leaves it locked and says so.
    static Status unlock(Database &db, const QString &passcode);
    // Re-wraps the same data key (nothing is re-encrypted); keeps the key-derivation strength.
    static Status changePasscode(Database &db, const QString &oldPasscode, const QString &newPasscode);
};

} // namespace outreach::core::store
