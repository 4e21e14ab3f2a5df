package cn.bipin.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String modified) throws Exception {
        Path p = Files.writeString(dir.resolve(name), name, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(modified)));
        return p;
    }

    @Test
    void oldestFirstThenByNameSkippingHiddenAndLockFiles() throws Exception {
        file("c.csv", "2024-07-03T09:00:00Z");
        file("b.xlsx", "2024-07-01T09:00:00Z");
        file("a.csv", "2024-07-03T09:00:00Z");
        file("~$b.xlsx", "2024-06-30T09:00:00Z");     // Office's lock file while b.xlsx is open
        file(".DS_Store", "2024-06-30T09:00:00Z");
        Files.createDirectory(dir.resolve("old"));
        // the same millisecond is the same time: the name decides
        file("z.csv", "2024-07-02T09:00:00.000900Z");
        file("y.csv", "2024-07-02T09:00:00.000100Z");

        assertThat(InboxFiles.list(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("b.xlsx", "y.csv", "z.csv", "a.csv", "c.csv");
    }

    @Test
    void aMissingFolderHasNoFiles() {
        assertThat(InboxFiles.list(dir.resolve("2024-06"))).isEmpty();
    }

    @Test
    void sha256OfTheBytes() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.csv"), "abc", StandardCharsets.US_ASCII);
        assertThat(InboxFiles.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        assertThat(InboxFiles.sha256(empty)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
