<#-- The Arduino library's metadata (Arduino library specification 1.5). -->
name=[=libraryName]
version=[=version]
author=fgc
maintainer=fgc
sentence=[=cellKind] model [=modelName] ([=precision]) compiled by fgc, verified against fgc's reference.
paragraph=[=timesteps] timesteps of [=inputs] inputs, [=classes] classes; [=sizes.constantBytes] bytes of constants, [=sizes.ramBytes] bytes of RAM. C99 with extern "C" headers; the example classifies a built-in sample and timesteps from Serial.
category=Data Processing
url=https://github.com/microsoft/EdgeML
architectures=*
includes=<#list publicHeaders as h>[=h]<#sep>,</#sep></#list>
