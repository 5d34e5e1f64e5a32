"""The pages of the repair log tab (报修台账): the daily board, the orders, the facilities, the figures."""
