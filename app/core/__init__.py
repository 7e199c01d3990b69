"""What every layer may use: errors, paths, settings, file I/O, logging, resource folders. No Qt."""
