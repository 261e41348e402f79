// The framework namespaces many files of the generator use. Each file still names the ModelDocs namespaces it
// depends on, so the layer rule (ARCHITECTURE.md) stays visible at the top of each file.
global using System;
global using System.Collections.Generic;
global using System.Collections.Immutable;
global using System.Globalization;
global using System.Linq;
global using System.Text;
global using System.Threading;
global using Microsoft.CodeAnalysis.Diagnostics;
global using Microsoft.CodeAnalysis.Operations;
global using Microsoft.CodeAnalysis.Text;
