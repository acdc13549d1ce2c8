package dev.servicekit.schedule;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's schedule expressions, checked before synthesis the way the CreateSchedule API reads
 * them (AWS, "Schedule types on EventBridge Scheduler"): {@code rate(value unit)}, {@code cron(minutes hours
 * day-of-month month day-of-week year)} and {@code at(yyyy-mm-ddThh:mm:ss)}. Each check returns its message, or
 * none when AWS would accept the expression.
 */
public final class ScheduleExpression {
    private ScheduleExpression() {}

    /** The three forms' outline, also a generated module's validation (the Java check says more). */
    public static final Pattern OUTLINE = Pattern.compile("(rate|cron|at)\\((.+)\\)");
    /** AWS's limit on a schedule expression's length. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern RATE = Pattern.compile("([1-9][0-9]*) (minute|minutes|hour|hours|day|days)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /**
     * A cron field: its name for messages, its range, the names that stand for its numbers (months, days), and the
     * special characters it allows besides {@code , - * /}.
     */
    private record Field(String name, int min, int max, List<String> names, String specials) {}

    private static final List<Field> CRON_FIELDS = List.of(
            new Field("minutes", 0, 59, List.of(), ""),
            new Field("hours", 0, 23, List.of(), ""),
            new Field("day-of-month", 1, 31, List.of(), "?LW"),
            new Field("month", 1, 12, MONTHS, ""),
            new Field("day-of-week", 1, 7, DAYS, "?L#"),
            new Field("year", 1970, 2199, List.of(), ""));

    /** What is wrong with {@code expression}, in words; empty when EventBridge Scheduler accepts it. */
    public static Optional<String> problem(String expression) {
        if (expression.length() > MAX_LENGTH) {
            return Optional.of("'" + expression + "' is " + expression.length() + " characters; AWS limits schedule "
                    + "expressions to " + MAX_LENGTH);
        }
        Matcher outline = OUTLINE.matcher(expression);
        if (!outline.matches()) {
            return Optional.of("'" + expression + "' is not a schedule expression: rate(value unit), "
                    + "cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss), e.g. "
                    + "'rate(15 minutes)', 'cron(0 6 * * ? *)' or 'at(2027-01-01T09:00:00)'");
        }
        String body = outline.group(2);
        return switch (outline.group(1)) {
            case "rate" -> rate(expression, body);
            case "cron" -> cron(expression, body);
            default -> at(expression, body);
        };
    }

    private static Optional<String> rate(String expression, String body) {
        Matcher rate = RATE.matcher(body);
        if (!rate.matches()) {
            return Optional.of("'" + expression + "': a rate is a positive whole number and minute(s), hour(s) or "
                    + "day(s), e.g. 'rate(1 hour)' or 'rate(15 minutes)'");
        }
        boolean one = rate.group(1).equals("1");
        boolean plural = rate.group(2).endsWith("s");
        if (one == plural) {
            return Optional.of("'" + expression + "': the unit is singular for 1 and plural otherwise, e.g. "
                    + "'rate(1 " + singular(rate.group(2)) + ")' or 'rate(" + rate.group(1) + " "
                    + singular(rate.group(2)) + (one ? "" : "s") + ")'");
        }
        return Optional.empty();
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static Optional<String> at(String expression, String body) {
        try {
            if (!body.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("form", body, 0);
            }
            LocalDateTime.parse(body);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("'" + expression + "': a one-time schedule is at(yyyy-mm-ddThh:mm:ss), a date and a "
                    + "time that exist, e.g. 'at(2027-01-01T09:00:00)'");
        }
    }

    private static Optional<String> cron(String expression, String body) {
        String[] fields = body.trim().split("\\s+");
        if (fields.length != CRON_FIELDS.size()) {
            return Optional.of("'" + expression + "' has " + fields.length + " fields; EventBridge's cron has 6: "
                    + "minutes hours day-of-month month day-of-week year, e.g. 'cron(0 6 * * ? *)'");
        }
        boolean dayOfMonthAny = fields[2].equals("?");
        boolean dayOfWeekAny = fields[4].equals("?");
        if (dayOfMonthAny == dayOfWeekAny) {
            return Optional.of("'" + expression + "': exactly one of day-of-month and day-of-week must be '?' "
                    + "(EventBridge cannot use both), e.g. 'cron(0 6 * * ? *)' or 'cron(0 6 ? * MON-FRI *)'");
        }
        for (int i = 0; i < fields.length; i++) {
            Field field = CRON_FIELDS.get(i);
            for (String item : fields[i].split(",", -1)) {
                if (!validItem(item.toUpperCase(Locale.ROOT), field)) {
                    return Optional.of("'" + expression + "': '" + item + "' is not a valid " + field.name()
                            + " (" + field.min() + "-" + field.max() + (field.names().isEmpty() ? ""
                            : " or " + field.names().get(0) + "-" + field.names().get(field.names().size() - 1))
                            + ", with , - * /" + (field.specials().isEmpty() ? "" : " and " + String.join(" ",
                            field.specials().split(""))) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean validItem(String item, Field field) {
        if (item.equals("*") || (item.equals("?") && field.specials().contains("?"))) {
            return true;
        }
        if (field.specials().contains("L") && item.equals("L")) {
            return true;
        }
        if (field.name().equals("day-of-month") && (item.equals("LW") || (item.endsWith("W")
                && value(item.substring(0, item.length() - 1), field).isPresent()))) {
            return true;
        }
        if (field.specials().contains("#") && item.contains("#")) {
            String[] parts = item.split("#", -1);
            return parts.length == 2 && value(parts[0], field).isPresent() && parts[1].matches("[1-5]");
        }
        if (field.name().equals("day-of-week") && item.endsWith("L") && item.length() > 1) {
            return value(item.substring(0, item.length() - 1), field).isPresent();
        }
        if (item.contains("/")) {
            String[] parts = item.split("/", -1);
            return parts.length == 2 && (parts[0].equals("*") || range(parts[0], field))
                    && parts[1].matches("[1-9][0-9]*");
        }
        return range(item, field);
    }

    private static boolean range(String item, Field field) {
        String[] bounds = item.split("-", -1);
        if (bounds.length > 2) {
            return false;
        }
        for (String bound : bounds) {
            if (value(bound, field).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Integer> value(String text, Field field) {
        int named = field.names().indexOf(text);
        if (named >= 0) {
            return Optional.of(field.min() + named);
        }
        if (!text.matches("[0-9]{1,4}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value >= field.min() && value <= field.max() ? Optional.of(value) : Optional.empty();
    }
}
