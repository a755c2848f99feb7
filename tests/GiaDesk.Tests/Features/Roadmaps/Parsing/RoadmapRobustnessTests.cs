using System.Text;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

public sealed class RoadmapRobustnessTests
{
    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Mangled_orders_give_a_plan_or_a_message_and_never_throw(string seed)
    {
        var lines = File.ReadAllLines(Seeds.PathOf(seed));
        var random = new Random(20240517 + int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture));
        for (var round = 0; round < 30; round++)
        {
            var mangled = lines.ToList();
            for (var edit = 0; edit < 15; edit++)
            {
                var at = random.Next(mangled.Count);
                switch (random.Next(6))
                {
                    case 0:
                        mangled.RemoveAt(at);
                        break;
                    case 1:
                        mangled.Insert(at, string.Empty);
                        break;
                    case 2:
                        mangled[at] = "\t" + mangled[at];
                        break;
                    case 3:
                        mangled[at] = mangled[at].Replace('\t', ' ');
                        break;
                    case 4:
                        mangled[at] = mangled[at][..random.Next(mangled[at].Length + 1)];
                        break;
                    default:
                        mangled.Insert(at, mangled[random.Next(mangled.Count)]);
                        break;
                }

                if (mangled.Count == 0)
                {
                    mangled.Add("x");
                }
            }

            var bytes = Encoding.UTF8.GetBytes(string.Join("\n", mangled));
            var result = RoadmapDocumentReader.Read($"{seed}-{round}.txt", new MemoryStream(bytes), null);

            Assert.True(result.Succeeded ^ (result.Error is not null), $"round {round}");
            if (result.Error is not null)
            {
                Assert.Contains($"«{seed}-{round}.txt»", result.Error);
            }
        }
    }
}
