import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.List;

/**
 * Runs HeidelTime standalone (English, TreeTagger) on many documents in one JVM, so a benchmark
 * measures tagging rather than JVM and model start-up.
 *
 * Usage: java -cp heideltime.jar:. HeidelTimeBatch CONFIG news|narratives MANIFEST
 * MANIFEST lines: input-path TAB dct (YYYY-MM-DD or empty) TAB output-path.
 * Prints "input-path TAB seconds" per document (tagging time only).
 */
public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        DocumentType type = args[1].startsWith("narr") ? DocumentType.NARRATIVES : DocumentType.NEWS;
        List<String> lines = Files.readAllLines(Paths.get(args[2]), StandardCharsets.UTF_8);
        HeidelTimeStandalone.readConfigFile(config);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, type, OutputType.TIMEML, config, POSTagger.TREETAGGER);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            String text = new String(Files.readAllBytes(Paths.get(f[0])), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            String out = f[1].isEmpty() ? tagger.process(text) : tagger.process(text, iso.parse(f[1]));
            long t1 = System.nanoTime();
            Files.write(Paths.get(f[2]), out.getBytes(StandardCharsets.UTF_8));
            System.out.println(f[0] + "\t" + ((t1 - t0) / 1e9));
            System.out.flush();
        }
    }
}
