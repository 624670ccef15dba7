import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Jena command lines run one after the other in one JVM, each as its script runs it (`sparql
 * ARGS` is `arq.sparql.main(ARGS)`), so that Java and Jena start once for many commands
 * (tests/test_interop.py: eighteen named queries).
 *
 * <p>Standard input: one command a line, its fields separated by tabs: the file its standard
 * output goes to, its main class, then its arguments. A command that fails ends the run with
 * its exit status (Jena's commands exit on an error), its message in its file.
 */
public class JenaCommands {
    public static void main(String[] arguments) throws Exception {
        PrintStream console = System.out;
        BufferedReader commands =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null; ) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t");
            try (PrintStream output =
                    new PrintStream(new FileOutputStream(fields[0]), true, StandardCharsets.UTF_8)) {
                System.setOut(output);
                Class.forName(fields[1])
                        .getMethod("main", String[].class)
                        .invoke(null, (Object) Arrays.copyOfRange(fields, 2, fields.length));
            } finally {
                System.setOut(console);
            }
        }
    }
}
