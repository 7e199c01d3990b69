"""Keys, the key file, the encrypted database engine, unlocking and recovery. No Qt."""
