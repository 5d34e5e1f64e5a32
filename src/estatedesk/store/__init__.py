"""The SQLite data file: models, opening, migrations, audit trail and backups."""
