"""The Agreement page of a family network meeting or conference: who agrees with each statement, and the decision."""
