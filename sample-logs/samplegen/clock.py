"""Time: UTC instants from text, and the ways the logs print them."""

import datetime as dt

D = dt.timedelta


def T(text):
    """A UTC instant from '2024-02-20 15:14:27.460'."""
    fmt = "%Y-%m-%d %H:%M:%S.%f" if "." in text else "%Y-%m-%d %H:%M:%S"
    return dt.datetime.strptime(text, fmt)


def utc_text(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


def offset_text(minutes):
    sign = "-" if minutes < 0 else "+"
    m = abs(minutes)
    return "%s%02d:%02d" % (sign, m // 60, m % 60)


def ms3(t):
    return "%03d" % (t.microsecond // 1000)


def seconds_between(a, b):
    return (b - a).total_seconds()
