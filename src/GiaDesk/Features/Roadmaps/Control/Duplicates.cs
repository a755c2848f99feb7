using System.Security.Cryptography;
using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Features.Roadmaps.Control;

/// <summary>What makes an import suspicious: the same order again (same content), or an order for a past academic year.</summary>
public static class Duplicates
{
    /// <summary>SHA-256 (hex) of the plan's sections and items (number, text, deadline text), compared after <see cref="SearchText.Normalise"/>.</summary>
    public static string ContentHash(ParsedRoadmap plan)
    {
        var text = new StringBuilder();
        foreach (var section in plan.Sections)
        {
            text.Append('§').Append(SearchText.Normalise(section.Title)).Append('\n');
            foreach (var item in section.Items)
            {
                text.Append(SearchText.Normalise(item.Number)).Append('|')
                    .Append(SearchText.Normalise(item.Text)).Append('|')
                    .Append(SearchText.Normalise(item.Deadline.Text)).Append('\n');
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    /// <summary>The academic year that contains <paramref name="today"/> (from 1 September).</summary>
    public static int CurrentYearStart(DateOnly today) => today.Month >= 9 ? today.Year : today.Year - 1;

    public static bool IsPastYear(AcademicYear year, DateOnly today) => year.StartYear < CurrentYearStart(today);
}
