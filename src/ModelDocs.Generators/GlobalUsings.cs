// The namespaces nearly every file of the generator uses; each file still names the ModelDocs namespaces it
// depends on, so the layer rule (ARCHITECTURE.md) stays visible at the top of each file.
global using System;
global using System.Collections.Generic;
global using System.Linq;
