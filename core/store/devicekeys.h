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

    // create() and unlock() in steps, for a UI that runs the costly part (Argon2id, ~0.5 s) on a worker thread:
    // the database connection belongs to the thread that opened it, so only the KeyWrap step may move.
    //   unlock: storedKey() → KeyWrap::unwrap() (any thread) → unlockWith()
    //   create: hasKey() and KeyWrap::checkPasscode() → SecretKey::generate() + KeyWrap::wrap() (any thread)
    //           → storeKey() → unlockWith()
    // The wrapped key as stored; code "no_key" when no passcode has been set, "corrupt_key" when unreadable.
    static Result<crypto::WrappedKey> storedKey(const Database &db);
    // Stores the first wrapped key; refuses (code "exists") when the device already has one.
    static Status storeKey(Database &db, const crypto::WrappedKey &wrapped);
    // Unlocks with a data key unwrapped from storedKey(); a null or wrong-sized key gives code "no_key".
    static Status unlockWith(Database &db, const crypto::SecretKey &dataKey);
    // Locks the store and deletes the wrapped key, so that the device is set up anew (after the server revoked it
    // and its records were wiped). Whatever is still encrypted under the old key can never be read again.
    static Status forget(Database &db);
};

} // namespace outreach::core::store
