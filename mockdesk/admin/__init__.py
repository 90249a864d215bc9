"""The admin API under /__mockdesk/, kept apart from every vendor path."""
