<#-- PlatformIO's library manifest. -->
{
  "name": "[=libraryName]",
  "version": "[=version]",
  "description": "[=cellKind] model [=modelName?json_string] ([=timesteps] steps x [=inputs] inputs, [=classes] classes) compiled by fgc to [=precision] C99, verified against fgc's reference",
  "keywords": ["fastgrnn", "fastrnn", "rnn", "tinyml", "machine-learning", "classifier", "fgc"],
  "frameworks": "*",
  "platforms": [<#list platforms as p>"[=p]"<#sep>, </#sep></#list>],
  "headers": [<#list publicHeaders as h>"[=h]"<#sep>, </#sep></#list>],
  "build": {
    "srcDir": "[=sourceDir]",
    "includeDir": "[=sourceDir]",
    "flags": [<#list libraryFlags as f>"[=f]"<#sep>, </#sep></#list>]
  },
  "examples": [
    {
      "name": "classify",
      "base": "examples/classify",
      "files": ["platformio.ini", "src/main.cpp", "test/test_sample/test_main.cpp"]
    }
  ]
}
