from hijridate import Gregorian
import datetime,sys
for d in sys.argv[1:]:
    y,m,dd=map(int,d.split('-'))
    h=Gregorian(y,m,dd).to_hijri()
    print(d, datetime.date(y,m,dd).strftime('%A'), h, h.month_name('ar') if hasattr(h,'month_name') else '')
