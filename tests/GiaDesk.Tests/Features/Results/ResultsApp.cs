using GiaDesk.Demo;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The app over the demo directory and the demo results (ГИА-9 2018 and 2019, ГИА-11 2019): for the classes
/// that read the results pages or import into the demo participants.</summary>
public sealed class ResultsApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Results;
}
