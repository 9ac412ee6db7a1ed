package vn.giamngheo.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP load generator for the web application (issue 9; a benchmark, never a test), run from a second
 * process on loopback: {@code USERS} virtual users, each with its own session (logged in through the form), request
 * the given pages in turn, back to back, for {@code SECONDS}; prints per page the number of requests, errors,
 * throughput and latency percentiles (p50, p95, p99, max).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.giamngheo.bench.WebLoad \
 *     http://127.0.0.1:18080 USER PASSWORD USERS SECONDS WARMUP_SECONDS /households/123 /households?q=...</pre>
 * A page may list several paths separated by {@code |}; each request takes the next one (e.g. many households).
 */
public final class WebLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        int users = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        List<String[]> pages = Arrays.stream(args, 6, args.length).map(p -> p.split("\\|")).toList();

        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            clients.add(login(base, user, password));
        }
        System.out.printf("%d users logged in; warm-up %d s, then %d s%n", users, warmup, seconds);
        run(base, clients, pages, warmup, false);
        run(base, clients, pages, seconds, true);
    }

    private static void run(String base, List<HttpClient> clients, List<String[]> pages, int seconds, boolean report)
            throws InterruptedException {
        int n = pages.size();
        List<List<long[]>> latencies = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            latencies.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong[] errors = new AtomicLong[n];
        for (int p = 0; p < n; p++) {
            errors[p] = new AtomicLong();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        for (int u = 0; u < clients.size(); u++) {
            HttpClient client = clients.get(u);
            int offset = u;
            pool.submit(() -> {
                long[][] local = new long[n][];
                int[] counts = new int[n];
                for (int p = 0; p < n; p++) {
                    local[p] = new long[1024];
                }
                int k = offset;
                while (System.nanoTime() < end) {
                    for (int p = 0; p < n; p++) {
                        String[] paths = pages.get(p);
                        String path = paths[Math.floorMod(k, paths.length)];
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                errors[p].incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors[p].incrementAndGet();
                        }
                        long took = System.nanoTime() - start;
                        if (counts[p] == local[p].length) {
                            local[p] = Arrays.copyOf(local[p], counts[p] * 2);
                        }
                        local[p][counts[p]++] = took;
                    }
                    k++;
                }
                for (int p = 0; p < n; p++) {
                    latencies.get(p).add(Arrays.copyOf(local[p], counts[p]));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        if (!report) {
            return;
        }
        System.out.printf("%-40s %8s %6s %9s %8s %8s %8s %8s%n", "page", "requests", "errors", "req/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        long total = 0;
        for (int p = 0; p < n; p++) {
            long[] all = latencies.get(p).stream().flatMapToLong(Arrays::stream).sorted().toArray();
            total += all.length;
            String name = pages.get(p)[0] + (pages.get(p).length > 1 ? " (+" + (pages.get(p).length - 1) + ")" : "");
            System.out.printf("%-40s %8d %6d %9.1f %8.1f %8.1f %8.1f %8.1f%n", name.length() > 40 ? name.substring(0, 40) : name,
                    all.length, errors[p].get(), all.length / (double) seconds, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
        System.out.printf("all pages: %.1f requests/s with %d users%n", total / (double) seconds, clients.size());
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static HttpClient login(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
        }
        return client;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
