"""The public directory: organisations and their activities, browsed without login."""
