package cn.bipin.evaluation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark input (src/test/bench-evaluation.sh): a ballot CSV of N ballots from token lists written by
 * {@code evaluation tokens --out}. Each token rates every target once, so N / targets tokens are needed.
 * Usage: {@code BigBallotFiles <out.csv> <count> <targets,comma,separated> <group=tokens.csv>...}
 */
public final class BigBallotFiles {

    private static final String[] GRADES = {"优秀", "良好", "一般", "较差"};

    private BigBallotFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String[] targets = args[2].split(",");
        List<String[]> tokens = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split("=", 2);
            List<String> lines = Files.readAllLines(Path.of(spec[1]), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                tokens.add(new String[] {spec[0], f[2].strip()});
            }
        }
        Random random = new Random(2024);
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("group,token,target_unit,enterprise_service,project_service,problem_clearing\n");
            for (String[] token : tokens) {
                for (String target : targets) {
                    if (written == count) {
                        break;
                    }
                    w.write(token[0] + "," + token[1] + "," + target + "," + score(random) + "," + score(random) + ","
                            + score(random) + "\n");
                    written++;
                }
            }
        }
        if (written < count) {
            throw new IllegalStateException("not enough tokens: " + written + " ballots written, " + count + " asked");
        }
    }

    private static String score(Random random) {
        return random.nextInt(4) == 0 ? GRADES[random.nextInt(GRADES.length)] : Integer.toString(50 + random.nextInt(51));
    }
}
