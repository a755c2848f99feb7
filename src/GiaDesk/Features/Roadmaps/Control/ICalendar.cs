using System.Globalization;
using System.Text;

namespace GiaDesk.Features.Roadmaps.Control;

/// <summary>An all-day event; <paramref name="AlarmBefore"/> adds a VALARM that long before the start of the event's first day.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Start, DateOnly End, string Summary, string Description, string? Url, TimeSpan? AlarmBefore = null);

/// <summary>An iCalendar (RFC 5545) feed of deadlines as all-day events.</summary>
public static class ICalendar
{
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTime nowUtc)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//GiaDesk//Roadmaps//RU");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(name));
        var stamp = nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + e.Uid);
            Line(text, "DTSTAMP:" + stamp);
            Line(text, "DTSTART;VALUE=DATE:" + e.Start.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            // DTEND of an all-day event is exclusive.
            Line(text, "DTEND;VALUE=DATE:" + e.End.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(text, "SUMMARY:" + Escape(e.Summary));
            Line(text, "DESCRIPTION:" + Escape(e.Description));
            if (e.Url is not null)
            {
                Line(text, "URL:" + e.Url);
            }
            if (e.AlarmBefore is { } before)
            {
                Line(text, "BEGIN:VALARM");
                Line(text, "ACTION:DISPLAY");
                Line(text, "TRIGGER:-" + System.Xml.XmlConvert.ToString(before));
                Line(text, "DESCRIPTION:" + Escape("Срок: " + e.Summary));
                Line(text, "END:VALARM");
            }
            Line(text, "END:VEVENT");
        }
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
