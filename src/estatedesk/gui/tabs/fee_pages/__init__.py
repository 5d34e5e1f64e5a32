"""The fee ledger tab's pages: one module each, all on ``base.FeePage``."""
