package org.e2dl4j.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Markdown source format: front matter, prose cells, ```java code cells. */
class NotebookSourceTest {

    @Test
    void javaFencesBecomeCodeCellsAndEverythingBetweenThemOneMarkdownCell() {
        Notebook notebook = NotebookSource.parse("n", String.join("\n",
                "---",
                "maven: org.e2dl4j:e2-samples:0.1.0-SNAPSHOT",
                "---",
                "",
                "# Title",
                "",
                "```bash",
                "mvn install",
                "```",
                "```java",
                "int a = 1;",
                "",
                "a + 1",
                "```",
                "",
                "```java",
                "a",
                "```",
                "Closing words.",
                ""));
        assertEquals(List.of("org.e2dl4j:e2-samples:0.1.0-SNAPSHOT"), notebook.maven());
        assertEquals(List.of(
                new NotebookCell.Markdown("# Title\n\n```bash\nmvn install\n```"),
                new NotebookCell.Code(1, "int a = 1;\n\na + 1"),
                new NotebookCell.Code(2, "a"),
                new NotebookCell.Markdown("Closing words.")), notebook.cells());
    }

    @Test
    void anUnclosedCodeCellIsRejectedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NotebookSource.parse("n", "---\n---\ntext\n```java\nint a;\n"));
        assertTrue(e.getMessage().equals("n, line 4: code cell is not closed by ```"), e.getMessage());
    }

    @Test
    void aFrontMatterKeyOtherThanMavenIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NotebookSource.parse("n", "---\nkernel: java\n---\n```java\n1\n```\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("kernel: java"), e.getMessage());
    }

    @Test
    void aSourceWithoutCodeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NotebookSource.parse("n", "---\n---\nonly prose\n"));
    }
}
