package cn.bipin.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.bipin.scheme.SchemeProperties;

/**
 * Loads every {@code <jobs-dir>/calendars/<year>.yaml}, checked, into one {@link WorkingCalendar}. It reads the files
 * on each call, so a run sees the file a statistician added the day before without a restart.
 */
@Component
public class CalendarRepository {

    private final Path dir;

    public CalendarRepository(SchemeProperties properties) {
        this.dir = properties.jobsDir().resolve("calendars");
    }

    public WorkingCalendar calendar() {
        Map<Integer, CalendarYear> years = new HashMap<>();
        for (Path file : yamlFiles()) {
            String name = file.getFileName().toString();
            if (!name.matches("\\d{4}\\.yaml")) {
                throw new CalendarException(file, "", "文件名应为四位年份加 .yaml（如 2024.yaml）");
            }
            int year = Integer.parseInt(name.substring(0, 4));
            years.put(year, CalendarLoader.load(file, year));
        }
        return new WorkingCalendar(dir, years);
    }

    private List<Path> yamlFiles() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new CalendarException("无法读取工作日历目录 " + dir + "（" + e.getMessage() + "）");
        }
    }
}
