#!/usr/bin/env python3
"""The social-policy bank's loan file for one commune (issue 24 point 5's measure; a benchmark, never a test).

One loan per household HN00001..HN<n> of the demonstration's first commune (8,000 with
--giamngheo.demo.households=16000; the demonstration numbers a commune's households HN00001, HN00002, ...), in the
bank's CSV layout that `import-loans` reads, with a balance statement each (one in thirteen overdue).

    bench/loan-file.py COMMUNE_CODE N PREFIX > loans.csv     e.g. bench/loan-file.py 00691 8000 BENCH
"""
import datetime
import sys

commune, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
programmes = ['POOR', 'NEAR_POOR', 'HOUSING', 'WATER_SANITATION', 'JOB_CREATION']
out = sys.stdout
out.write("Mã xã,Mã hộ,Số CCCD,Chương trình cho vay,Số khế ước,Số tiền vay,Ngày giải ngân,Thời hạn vay (tháng),"
          "Loại lãi suất,Ngày sao kê,Dư nợ,Nợ quá hạn\n")
for i in range(1, n + 1):
    day = datetime.date(2024, 1, 15) + datetime.timedelta(days=i % 600)
    out.write(f"{commune},HN{i:05d},,{programmes[i % 5]},{prefix}-{i},{20000000 + (i % 9) * 10000000},{day.isoformat()},"
              f"{36 + 12 * (i % 3)},ưu đãi,2026-10-31,{15000000 + (i % 9) * 5000000},{2000000 if i % 13 == 0 else 0}\n")
