"""The pages of the cleaning schedule tab (保洁排班)."""
