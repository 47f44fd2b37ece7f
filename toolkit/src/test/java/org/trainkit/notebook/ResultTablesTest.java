package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultTablesTest {

    @TempDir
    Path dir;

    private static Table table(double value) {
        return Table.create("t", StringColumn.create("name", "a", "b"), DoubleColumn.create("loss", 0.25, value));
    }

    @Test
    void writesTheCsvAndReplacesAnEarlierVersionLeavingNoTemporaryFile() throws Exception {
        Path sub = dir.resolve("results");
        Path file = ResultTables.save(table(1.5), "02-summary", sub);
        assertEquals(sub.resolve("02-summary.csv"), file);
        assertEquals(List.of("name,loss", "a,0.25", "b,1.5"), Files.readAllLines(file));
        ResultTables.save(table(2.5), "02-summary", sub);
        assertEquals(List.of("name,loss", "a,0.25", "b,2.5"), Files.readAllLines(file));
        try (var files = Files.list(sub)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void rejectsNamesThatAreNotPlainFileNames() {
        for (String name : new String[] {"", "../x", "a/b", ".hidden", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> ResultTables.save(table(1), name, dir), name);
        }
        assertThrows(IllegalArgumentException.class, () -> ResultTables.save(table(1), null, dir));
    }
}
