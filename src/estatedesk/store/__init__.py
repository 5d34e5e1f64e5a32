"""The SQLite data file: models, opening, migrations, audit trail and backups.

How this layer talks to SQLite, one rule: raw SQL (``store.sql``) for bulk writes and hot
paths, where a peewee query's SQL generation costs more than the statement (an import writes
thousands of rows, the households list reads 20,000); peewee models for the rest, where the
query reads better than the SQL and runs a handful of times.
"""
