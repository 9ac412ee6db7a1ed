package vn.giamngheo.analysis.rules.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.giamngheo.analysis.rules.AlkireFoster;
import vn.giamngheo.analysis.rules.AlkireFosterResult;
import vn.giamngheo.analysis.rules.AlkireFosterSpec;
import vn.giamngheo.analysis.rules.AnalysisUnit;
import vn.giamngheo.analysis.rules.OracleDataSets;

/**
 * Time of one Alkire–Foster computation (global MPI, k = 33 %, subgroups area, region and sex) on the
 * 89,282 persons of Benin DHS 2006; loading the CSV happens once in {@link #load()} and is not measured.
 *
 * <pre>
 * ./mvnw -q -B test-compile
 * java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.openjdk.jmh.Main AlkireFoster -wi 2 -i 3 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AlkireFosterBenchmark {

    private List<AnalysisUnit> units;
    private AlkireFosterSpec spec;

    @Setup
    public void load() {
        units = OracleDataSets.BEN_DHS06.units();
        spec = OracleDataSets.BEN_DHS06.spec();
    }

    @Benchmark
    public AlkireFosterResult beninDhs2006GlobalMpi() {
        return AlkireFoster.compute(spec, units);
    }
}
