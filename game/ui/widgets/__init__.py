"""Widgets: buttons, cards, text boxes, gauges, meters, calendar, portraits."""
