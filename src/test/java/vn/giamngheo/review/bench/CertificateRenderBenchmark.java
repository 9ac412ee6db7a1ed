package vn.giamngheo.review.bench;

import static vn.giamngheo.bench.BenchArgs.arg;
import static vn.giamngheo.bench.BenchArgs.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giamngheo.document.Certificate;
import vn.giamngheo.document.CertificateDocx;
import vn.giamngheo.document.CertificateMember;
import vn.giamngheo.document.CertificatePdf;
import vn.giamngheo.document.Commune;
import vn.giamngheo.document.HouseholdList;

/**
 * The rendering alone of a round's certificates (issue 26 point 5): N generated certificates (default 3,300, the poor
 * and near-poor households of a commune of 10,000; four members each, four stamp years) written as one PDF and one
 * DOCX, without database or web stack: the floor under {@link CommunePagesBenchmark}'s certificate actions. Prints
 * the wall and the CPU time of each of {@code runs} runs after one warm-up, and the time per certificate at 1/4 of N
 * and at N (equal per-certificate times: the batch grows linearly). Not a test: run it by hand (docs/benchmarks.md).
 *
 * <pre>
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     vn.giamngheo.review.bench.CertificateRenderBenchmark [certificates=3300] [runs=3]
 * </pre>
 */
public final class CertificateRenderBenchmark {

    public static void main(String[] args) {
        int n = (int) arg(args, "certificates", 3_300);
        int runs = (int) arg(args, "runs", 3);
        Locale vi = Locale.forLanguageTag("vi");
        render("warm-up", certificates(n / 4), vi);
        for (int size : new int[] {n / 4, n}) {
            List<Certificate> batch = certificates(size);
            for (int r = 0; r < runs; r++) {
                render(String.format(Locale.ROOT, "%,d certificates", size), batch, vi);
            }
        }
        System.out.println("load average: " + load());
    }

    private static void render(String name, List<Certificate> batch, Locale locale) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String format : List.of("PDF", "DOCX")) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            byte[] file = format.equals("PDF") ? CertificatePdf.renderAll(batch, locale) : CertificateDocx.renderAll(batch, locale);
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            System.out.printf(Locale.ROOT, "%-20s %-4s %9.1f ms wall, %9.1f ms CPU (%.2f ms CPU each), %,d bytes%n", name,
                    format, (System.nanoTime() - wall) / 1e6, cpuMs, cpuMs / batch.size(), file.length);
        }
    }

    /** Certificates as a round prints them: a third near-poor, four members each, the standard's four stamp years. */
    static List<Certificate> certificates(int n) {
        Commune commune = new Commune("Xã Nà Hẩu", null, "Tỉnh Lào Cai");
        List<Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<CertificateMember> members = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                members.add(new CertificateMember("Nguyễn Văn Thành " + i + "-" + m, 1970 + 8 * m, m == 0 ? "Chủ hộ" : "Con"));
            }
            certificates.add(new Certificate(commune, i % 3 == 0 ? HouseholdList.NEAR_POOR : HouseholdList.POOR,
                    String.valueOf(i + 1), 2026, "Nguyễn Văn Thành " + i, "Số " + i, String.format("Thôn %02d", i % 25 + 1),
                    "BH" + i, members, List.of(2026, 2027, 2028, 2029, 2030), LocalDate.of(2025, 11, 12), "Lò Văn Chủ"));
        }
        return certificates;
    }
}
