"""Connection strings as apps log them, and the passwords that land in them.

The product must print these passwords masked; every place they land is listed in that folder's
answer key. They are kept apart from any key (`kv(("Password", SECRET_IDLE))`), so the generator's
own source holds no connection string with a password in it (SampleFoldersTests checks).
"""

SECRET_IDLE = "Wh1teRabb1t!42"
SECRET_PRICESYNC = "Pr1c3Sync#2019"
SECRET_BILLING = "b1ll1ng-Jtds-77"
SECRET_INVSYNC = "Inv#Sync2024"


def kv(*pairs):
    """A connection string from (key, value) pairs."""
    return ";".join(k + "=" + v for k, v in pairs) + ";"
