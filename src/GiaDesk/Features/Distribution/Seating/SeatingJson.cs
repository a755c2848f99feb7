using System.Text.Encodings.Web;
using System.Text.Json;
using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>The JSON contract of `giadesk seating plan --format json` (issue 13): the keys of the issue in its
/// order, then extra keys; auditorium null for organisers outside auditoriums; rows and seats from 1; Cyrillic
/// unescaped.</summary>
public static class SeatingJson
{
    public static string Write(SeatingPlan plan, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(plan, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(SeatingPlan plan, Stream stream, bool indented = false)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented });
        json.WriteStartObject();
        json.WriteStartArray("seats");
        foreach (var seat in plan.Seats)
        {
            json.WriteStartObject();
            json.WriteString("participant", seat.Participant);
            json.WriteString("point", seat.Point);
            json.WriteString("auditorium", seat.Auditorium);
            json.WriteNumber("row", seat.Row);
            json.WriteNumber("seat", seat.Seat);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unseated");
        foreach (var unseated in plan.Unseated)
        {
            json.WriteStartObject();
            json.WriteString("participant", unseated.Participant);
            json.WriteString("reason", unseated.Reason);
            json.WriteString("fullName", unseated.FullName);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("staff");
        foreach (var staff in plan.Staff)
        {
            json.WriteStartObject();
            json.WriteString("worker", staff.Worker);
            json.WriteString("point", staff.Point);
            json.WriteString("auditorium", staff.Auditorium);
            json.WriteString("role", staff.Role.Russian());
            json.WriteBoolean("responsible", staff.Responsible);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unstaffed");
        foreach (var post in plan.Unstaffed)
        {
            json.WriteStartObject();
            json.WriteString("point", post.Point);
            json.WriteString("auditorium", post.Auditorium);
            json.WriteString("reason", post.Reason);
            json.WriteNumber("assigned", post.Assigned);
            json.WriteNumber("required", post.Required);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        var quality = plan.Quality;
        json.WriteStartObject("quality");
        json.WriteNumber("sameSchoolNeighbours", quality.SameSchoolNeighbours);
        json.WriteNumber("maxSameSchoolShare", quality.MaxSameSchoolShare);
        json.WriteNumber("staffConflicts", quality.StaffConflicts);
        json.WriteNumber("averageFill", quality.AverageFill);
        json.WriteStartArray("auditoriums");
        foreach (var fill in quality.Auditoriums)
        {
            json.WriteStartObject();
            json.WriteString("point", fill.Point);
            json.WriteString("auditorium", fill.Auditorium);
            json.WriteNumber("seated", fill.Seated);
            json.WriteNumber("capacity", fill.Capacity);
            json.WriteNumber("largestSchoolShare", fill.LargestSchoolShare);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("shortfalls");
        foreach (var shortfall in plan.Shortfalls)
        {
            json.WriteStartObject();
            json.WriteString("pool", shortfall.Pool);
            json.WriteNumber("needed", shortfall.Needed);
            json.WriteNumber("available", shortfall.Available);
            json.WriteString("message", shortfall.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
