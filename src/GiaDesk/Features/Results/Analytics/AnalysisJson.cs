using System.Text.Encodings.Web;
using System.Text.Json;

namespace GiaDesk.Features.Results.Analytics;

/// <summary>The JSON contract of `giadesk results analyze --format json`: camelCase, Cyrillic unescaped,
/// unrounded numbers, subjects by canonical Russian name, schools by code, rows in school order.</summary>
public static class AnalysisJson
{
    public static string Write(ResultsAnalysis analysis)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            Write(json, analysis);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, ResultsAnalysis a)
    {
        string School(int s) => a.AllSchools[s].Code;
        string Subject(int j) => a.AllSubjects[j];

        json.WriteStartObject();
        json.WriteNumber("level", a.Level);
        if (a.Year is { } year)
        {
            json.WriteNumber("year", year);
        }
        json.WriteStartArray("schools");
        foreach (var s in a.Schools)
        {
            json.WriteStartObject();
            json.WriteString("code", a.AllSchools[s].Code);
            json.WriteString("name", a.AllSchools[s].Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("admission");
        json.WriteStartArray("rows");
        foreach (var row in a.Admission.Rows)
        {
            json.WriteStartObject();
            json.WriteString("school", School(row.School));
            WriteAdmission(json, row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("total");
        WriteAdmission(json, a.Admission.Total);
        json.WriteEndObject();
        json.WriteEndObject();

        WriteFailures(json, "firstStreamFailures", a.FirstStreamFailures, School);
        WriteFailures(json, "mainPeriodFailures", a.MainPeriodFailures, School);

        json.WriteStartObject("averageMarks");
        json.WriteStartArray("cells");
        foreach (var cell in a.AverageMarks.Cells)
        {
            json.WriteStartObject();
            json.WriteString("subject", Subject(cell.Subject));
            json.WriteString("school", School(cell.School));
            json.WriteNumber("participants", cell.Participants);
            json.WriteNumber("average", cell.Average.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("subjects");
        foreach (var subject in a.AverageMarks.Subjects)
        {
            json.WriteStartObject();
            json.WriteString("subject", Subject(subject.Subject));
            json.WriteNumber("participants", subject.Participants);
            json.WriteNumber("average", subject.Average.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("schools");
        foreach (var school in a.AverageMarks.Schools)
        {
            json.WriteStartObject();
            json.WriteString("school", School(school.School));
            WriteSchoolAverage(json, school);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("town");
        WriteSchoolAverage(json, a.AverageMarks.Town);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("unsatisfactoryBySubject");
        foreach (var subject in a.UnsatisfactoryBySubject.Where(x => x.Participants > 0))
        {
            json.WriteStartObject();
            json.WriteString("subject", Subject(subject.Subject));
            json.WriteNumber("participants", subject.Participants);
            json.WriteNumber("failed", subject.Failed);
            json.WriteNumber("percent", subject.Share.Percent);
            json.WriteStartArray("schools");
            foreach (var school in subject.Schools)
            {
                json.WriteStartObject();
                json.WriteString("school", School(school.School));
                json.WriteNumber("failed", school.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("firstStreamFailed", subject.FirstStreamFailed);
            json.WriteStartArray("firstStreamFailureDates");
            foreach (var date in subject.FirstStreamFailureDates)
            {
                json.WriteStringValue(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "subjectsUnderAttention", a.SubjectsUnderAttention.Select(Subject));
        WriteStrings(json, "leaders", a.Leaders.Select(School));
        WriteStrings(json, "outsiders", a.Outsiders.Select(School));

        json.WriteStartArray("annualVsExam");
        foreach (var row in a.AnnualVsExam)
        {
            json.WriteStartObject();
            json.WriteString("school", School(row.School));
            json.WriteNumber("pairs", row.Pairs);
            json.WriteNumber("annualAverage", row.AnnualAverage.Value);
            json.WriteNumber("examAverage", row.ExamAverage.Value);
            json.WriteNumber("matchPercent", row.MatchPercent);
            json.WriteNumber("lowerPercent", new Ratio(row.Lower, row.Pairs).Percent);
            json.WriteNumber("equalPercent", new Ratio(row.Equal, row.Pairs).Percent);
            json.WriteNumber("higherPercent", new Ratio(row.Higher, row.Pairs).Percent);
            json.WriteString("kind", row.Kind switch
            {
                MatchKind.FullMatch => "fullMatch",
                MatchKind.ExamHigher => "examHigher",
                _ => "examLower",
            });
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("certificates");
        json.WriteStartArray("rows");
        foreach (var row in a.Certificates.Rows)
        {
            json.WriteStartObject();
            json.WriteString("school", School(row.School));
            WriteCertificates(json, row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("total");
        WriteCertificates(json, a.Certificates.Total);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("riskZones");
        WriteStrings(json, "retakeToFive", a.RiskZones.RetakeToFive.Select(x => x.Participant));
        WriteStrings(json, "appealPlus3", a.RiskZones.AppealPlus3.Select(x => x.Participant));
        WriteStrings(json, "allFives", a.RiskZones.AllFives.Select(x => x.Participant));
        WriteStrings(json, "appealOverThreshold", a.RiskZones.AppealOverThreshold.Select(x => x.Participant));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAdmission(Utf8JsonWriter json, AdmissionRow row)
    {
        json.WriteNumber("graduates", row.Graduates);
        json.WriteNumber("notAdmitted", row.NotAdmitted);
        json.WriteNumber("notAdmittedRepeat", row.NotAdmittedRepeat);
        json.WriteNumber("percent", row.Share.Percent);
    }

    private static void WriteFailures(Utf8JsonWriter json, string name, FailureTable table, Func<int, string> school)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            json.WriteString("school", school(row.School));
            WriteFailureRow(json, row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("total");
        WriteFailureRow(json, table.Total);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFailureRow(Utf8JsonWriter json, FailureRow row)
    {
        json.WriteNumber("admitted", row.Admitted);
        json.WriteNumber("failed", row.Failed);
        json.WriteStartArray("bySubjectCount");
        foreach (var count in row.BySubjectCount)
        {
            json.WriteNumberValue(count);
        }
        json.WriteEndArray();
        json.WriteNumber("percent", row.Share.Percent);
    }

    private static void WriteSchoolAverage(Utf8JsonWriter json, SchoolAverage row)
    {
        json.WriteNumber("subjects", row.Subjects);
        json.WriteNumber("results", row.Results);
        json.WriteNumber("average", row.Pooled.Value);
        json.WriteNumber("subjectMeanAverage", (double)row.SubjectMean);
    }

    private static void WriteCertificates(Utf8JsonWriter json, CertificateRow row)
    {
        json.WriteNumber("graduates", row.Graduates);
        json.WriteNumber("notAdmitted", row.NotAdmitted);
        json.WriteNumber("notPassed", row.NotPassed);
        json.WriteNumber("certified", row.Certified);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
