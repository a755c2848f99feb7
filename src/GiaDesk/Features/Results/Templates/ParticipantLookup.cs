namespace GiaDesk.Features.Results.Templates;

/// <summary>
/// The participant lookup the template readers' ReadRow is given, over the participants a reader knows (by code, an
/// index into <paramref name="facts"/>): <see cref="Find"/> answers ReadRow and <see cref="Found"/> keeps the index of
/// the participant it found, -1 for an unknown code or none asked since <see cref="Reset"/>. Shared by
/// `results analyze` (ResultsFileLoader) and the web import (ResultsImportReader).
/// </summary>
public sealed class ParticipantLookup(Dictionary<string, int> byCode, List<ParticipantFacts> facts)
{
    public int Found { get; private set; } = -1;

    public ParticipantFacts? Find(string code)
    {
        if (byCode.TryGetValue(code, out var index))
        {
            Found = index;
            return facts[index];
        }
        Found = -1;
        return null;
    }

    /// <summary>Before a row: ReadRow asks nothing for a row without a code.</summary>
    public void Reset() => Found = -1;
}
