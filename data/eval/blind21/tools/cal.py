import datetime as dt
from hijridate import Gregorian
for s in ["2021-03-06","2022-10-28","2025-05-18","2021-04-25","2021-08-29","2022-08-31","2023-09-06","2023-12-19","2024-01-31","2024-04-23","2024-09-30","2022-05-04"]:
    d=dt.date.fromisoformat(s); h=Gregorian(d.year,d.month,d.day).to_hijri()
    print(s, d.strftime("%A"), h, h.month_name())
